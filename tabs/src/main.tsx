import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { AppRoot } from './app/AppRoot';
import { firstScreenInHand } from './app/firstScreen';
import { preloadScreenFor } from './app/lazyScreens';
import {
  acknowledgeDialog,
  addStepForm,
  aspirationDialog,
  boardSideColumn,
  deleteAspirationDialog,
  evidenceAndComments,
  ownerMenu,
} from './board/deferredBoard';
import {
  actionItemForm,
  conversationsSection,
  waitingForTime,
} from './conversations/deferredConversations';
import { pickTimeDialog } from './common/deferredPickTime';
import { boardContract, conversationContract } from './forms/contractSchemas';
import { parseRoute } from './routing/routes';
import { sharingParts } from './sharing/deferredSharing';

// Each a chunk of its own, fetched the first time it is needed (common/deferredModule.ts).
boardContract.provide(() => import('@contract/boardContract'));
conversationContract.provide(() => import('@contract/conversationContract'));
aspirationDialog.provide(() => import('./board/AspirationDialog'));
acknowledgeDialog.provide(() => import('./board/AcknowledgeDialog'));
deleteAspirationDialog.provide(() => import('./board/DeleteAspirationDialog'));
ownerMenu.provide(() => import('./board/OwnerMenu'));
actionItemForm.provide(() => import('./conversations/ActionItemForm'));
waitingForTime.provide(() => import('./conversations/WaitingForTime'));
pickTimeDialog.provide(() => import('./common/PickTimeDialog'));
sharingParts.provide(() => import('./sharing/SharingParts'));
// After the board's first paint (common/firstPaint.ts): the first visit does not download these.
boardSideColumn.provide(() => import('./board/BoardSideColumn'));
evidenceAndComments.provide(() => import('./board/EvidenceAndComments'));
addStepForm.provide(() => import('./board/AddStepForm'));
conversationsSection.provide(() => import('./conversations/ConversationsSection'));

const screen = preloadScreenFor(parseRoute(window.location.hash));

const container = document.getElementById('root');
if (!container) throw new Error('Career Board needs an element with id "root" to start in.');

void firstScreenInHand(screen).then(() =>
  createRoot(container).render(
    <StrictMode>
      <AppRoot />
    </StrictMode>,
  ),
);
