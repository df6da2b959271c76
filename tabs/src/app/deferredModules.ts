import type * as BoardContract from '../../../api/src/contract/boardContract';
import type * as ConversationContract from '../../../api/src/contract/conversationContract';
import type * as AcknowledgeDialogModule from '../board/AcknowledgeDialog';
import type * as AspirationDialogModule from '../board/AspirationDialog';
import type * as DeleteAspirationDialogModule from '../board/DeleteAspirationDialog';
import type * as OwnerMenuModule from '../board/OwnerMenu';
import type * as ActionItemFormModule from '../conversations/ActionItemForm';

/**
 * What the board loads only when it is used: the owner's card menu (with Fluent's menu and
 * positioning) when first wanted, the action-item form when first opened, the dialogs (with Fluent's dialog, radio and select)
 * when one first opens, and the API's request schemas (zod) when a form is first saved. Together
 * they are a third of what the first visit would otherwise download, and nothing needs them
 * before someone acts. The loaders are handed in once at start (main.tsx: dynamic imports, one
 * chunk each; the tab tests: the same modules, already loaded), so the screens that use them
 * stay importable anywhere.
 */
export interface DeferredModules {
  boardContract(): Promise<typeof BoardContract>;
  conversationContract(): Promise<typeof ConversationContract>;
  aspirationDialog(): Promise<typeof AspirationDialogModule>;
  acknowledgeDialog(): Promise<typeof AcknowledgeDialogModule>;
  deleteAspirationDialog(): Promise<typeof DeleteAspirationDialogModule>;
  ownerMenu(): Promise<typeof OwnerMenuModule>;
  actionItemForm(): Promise<typeof ActionItemFormModule>;
}

let provided: DeferredModules | null = null;

export function provideDeferredModules(modules: DeferredModules): void {
  provided = modules;
}

export function deferred(): DeferredModules {
  if (!provided) throw new Error('Career Board started without its deferred modules (main.tsx).');
  return provided;
}

/** The API's board schemas, the same ones the API enforces. */
export const boardSchemas = () => deferred().boardContract();
/** The API's conversation schemas and limits. */
export const conversationSchemas = () => deferred().conversationContract();
