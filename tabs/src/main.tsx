import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { AppRoot } from './app/AppRoot';

const container = document.getElementById('root');
if (!container) throw new Error('Career Board needs an element with id "root" to start in.');

createRoot(container).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>,
);
