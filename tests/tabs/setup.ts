/**
 * jsdom lacks a few browser APIs the tab (and Fluent UI) touch. No test reaches the network:
 * `fetch` rejects, which is also what teams-js sees when it fetches its valid-domains list.
 */

import * as boardContractModule from '../../api/src/contract/boardContract';
import * as conversationContractModule from '../../api/src/contract/conversationContract';
import * as acknowledgeDialogModule from '../../tabs/src/board/AcknowledgeDialog';
import * as addStepFormModule from '../../tabs/src/board/AddStepForm';
import * as aspirationDialogModule from '../../tabs/src/board/AspirationDialog';
import * as boardSideColumnModule from '../../tabs/src/board/BoardSideColumn';
import {
  acknowledgeDialog,
  addStepForm,
  aspirationDialog,
  boardSideColumn,
  deleteAspirationDialog,
  evidenceAndComments,
  ownerMenu,
} from '../../tabs/src/board/deferredBoard';
import * as deleteAspirationDialogModule from '../../tabs/src/board/DeleteAspirationDialog';
import * as evidenceAndCommentsModule from '../../tabs/src/board/EvidenceAndComments';
import * as ownerMenuModule from '../../tabs/src/board/OwnerMenu';
import * as actionItemFormModule from '../../tabs/src/conversations/ActionItemForm';
import * as conversationsSectionModule from '../../tabs/src/conversations/ConversationsSection';
import {
  actionItemForm,
  conversationsSection,
  waitingForTime,
} from '../../tabs/src/conversations/deferredConversations';
import * as waitingForTimeModule from '../../tabs/src/conversations/WaitingForTime';
import { pickTimeDialog } from '../../tabs/src/common/deferredPickTime';
import * as pickTimeDialogModule from '../../tabs/src/common/PickTimeDialog';
import { boardContract, conversationContract } from '../../tabs/src/forms/contractSchemas';
import { sharingParts } from '../../tabs/src/sharing/deferredSharing';
import * as sharingPartsModule from '../../tabs/src/sharing/SharingParts';

// What the app loads on demand (main.tsx), here already loaded: the same modules.
boardContract.provide(async () => boardContractModule);
conversationContract.provide(async () => conversationContractModule);
aspirationDialog.provide(async () => aspirationDialogModule);
acknowledgeDialog.provide(async () => acknowledgeDialogModule);
deleteAspirationDialog.provide(async () => deleteAspirationDialogModule);
ownerMenu.provide(async () => ownerMenuModule);
actionItemForm.provide(async () => actionItemFormModule);
waitingForTime.provide(async () => waitingForTimeModule);
pickTimeDialog.provide(async () => pickTimeDialogModule);
sharingParts.provide(async () => sharingPartsModule);
boardSideColumn.provide(async () => boardSideColumnModule);
evidenceAndComments.provide(async () => evidenceAndCommentsModule);
addStepForm.provide(async () => addStepFormModule);
conversationsSection.provide(async () => conversationsSectionModule);

globalThis.fetch = (() => Promise.reject(new Error('No network in tab tests.'))) as typeof fetch;

if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }

  class NoopResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  if (!('ResizeObserver' in window)) {
    (window as unknown as { ResizeObserver: typeof NoopResizeObserver }).ResizeObserver =
      NoopResizeObserver;
  }

  // Fluent's scroll-into-view and positioning helpers call these.
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
}
