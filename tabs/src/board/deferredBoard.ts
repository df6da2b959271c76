import type * as AcknowledgeDialogModule from './AcknowledgeDialog';
import type * as AddStepFormModule from './AddStepForm';
import type * as AspirationDialogModule from './AspirationDialog';
import type * as BoardSideColumnModule from './BoardSideColumn';
import type * as DeleteAspirationDialogModule from './DeleteAspirationDialog';
import type * as EvidenceAndCommentsModule from './EvidenceAndComments';
import type * as OwnerMenuModule from './OwnerMenu';
import { deferredModule } from '../common/deferredModule';

/**
 * What the board loads only when it is used: the owner's card menu (with Fluent's menu and
 * positioning) when first wanted, the dialogs (with Fluent's dialog, radio and select) when one
 * first opens. Together with the schemas they are a third of what the first visit would otherwise
 * download. None of these modules imports this one, so the type imports make no cycle.
 */
export const aspirationDialog =
  deferredModule<typeof AspirationDialogModule>('the aspiration dialog');
export const acknowledgeDialog =
  deferredModule<typeof AcknowledgeDialogModule>('the acknowledge dialog');
export const deleteAspirationDialog =
  deferredModule<typeof DeleteAspirationDialogModule>('the delete dialog');
export const ownerMenu = deferredModule<typeof OwnerMenuModule>('the owner menu');

/**
 * What follows the board's first paint (common/firstPaint.ts): the side column's panels, a card's
 * evidence and comment panels (with Fluent's accordion and tabster), the add-step box.
 */
export const boardSideColumn =
  deferredModule<typeof BoardSideColumnModule>("the board's side column");
export const evidenceAndComments = deferredModule<typeof EvidenceAndCommentsModule>(
  "a card's evidence and comments",
);
export const addStepForm = deferredModule<typeof AddStepFormModule>('the add-step box');
