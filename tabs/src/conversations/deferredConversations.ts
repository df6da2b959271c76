import type * as ActionItemFormModule from './ActionItemForm';
import type * as ConversationsSectionModule from './ConversationsSection';
import type * as WaitingForTimeModule from './WaitingForTime';
import { deferredModule } from '../common/deferredModule';

/** The action-item form (and Fluent's select), loaded when someone first adds or changes one. */
export const actionItemForm = deferredModule<typeof ActionItemFormModule>('the action-item form');

/** Why a conversation has no time yet, and the manager's pick: loaded only for such a conversation. */
export const waitingForTime = deferredModule<typeof WaitingForTimeModule>(
  'the words for a conversation not booked',
);

/** The side column's conversations section, loaded once the board's cards are on screen. */
export const conversationsSection = deferredModule<typeof ConversationsSectionModule>(
  'the conversations section',
);
