/**
 * jsdom lacks a few browser APIs the tab (and Fluent UI) touch. No test reaches the network:
 * `fetch` rejects, which is also what teams-js sees when it fetches its valid-domains list.
 */

import * as boardContract from '../../api/src/contract/boardContract';
import * as conversationContract from '../../api/src/contract/conversationContract';
import { provideDeferredModules } from '../../tabs/src/app/deferredModules';
import * as acknowledgeDialog from '../../tabs/src/board/AcknowledgeDialog';
import * as aspirationDialog from '../../tabs/src/board/AspirationDialog';
import * as deleteAspirationDialog from '../../tabs/src/board/DeleteAspirationDialog';
import * as ownerMenu from '../../tabs/src/board/OwnerMenu';
import * as actionItemForm from '../../tabs/src/conversations/ActionItemForm';

// What the app loads on demand (main.tsx), here already loaded: the same modules.
provideDeferredModules({
  boardContract: async () => boardContract,
  conversationContract: async () => conversationContract,
  aspirationDialog: async () => aspirationDialog,
  acknowledgeDialog: async () => acknowledgeDialog,
  deleteAspirationDialog: async () => deleteAspirationDialog,
  ownerMenu: async () => ownerMenu,
  actionItemForm: async () => actionItemForm,
});

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
