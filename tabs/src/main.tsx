import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { AppRoot } from './app/AppRoot';
import { provideDeferredModules } from './app/deferredModules';
import { preloadScreenFor } from './app/lazyScreens';
import { parseRoute } from './routing/routes';

// Each a chunk of its own, fetched the first time it is needed (see deferredModules.ts).
provideDeferredModules({
  boardContract: () => import('../../api/src/contract/boardContract'),
  conversationContract: () => import('../../api/src/contract/conversationContract'),
  aspirationDialog: () => import('./board/AspirationDialog'),
  acknowledgeDialog: () => import('./board/AcknowledgeDialog'),
  deleteAspirationDialog: () => import('./board/DeleteAspirationDialog'),
  ownerMenu: () => import('./board/OwnerMenu'),
  actionItemForm: () => import('./conversations/ActionItemForm'),
});

preloadScreenFor(parseRoute(window.location.hash));

const container = document.getElementById('root');
if (!container) throw new Error('Career Board needs an element with id "root" to start in.');

createRoot(container).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>,
);
