import type * as BoardContract from '@contract/boardContract';
import type * as ConversationContract from '@contract/conversationContract';
import { deferredModule } from '../common/deferredModule';

/**
 * The API's request schemas (zod), the same ones the API enforces, loaded when a form is first
 * saved: nothing needs them before someone acts.
 */
export const boardContract = deferredModule<typeof BoardContract>('the board schemas');
export const conversationContract = deferredModule<typeof ConversationContract>(
  'the conversation schemas',
);

/** The API's board schemas. */
export const boardSchemas = () => boardContract.load();
/** The API's conversation schemas and limits. */
export const conversationSchemas = () => conversationContract.load();
