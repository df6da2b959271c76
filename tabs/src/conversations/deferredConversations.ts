import type * as ActionItemFormModule from './ActionItemForm';
import { deferredModule } from '../common/deferredModule';

/** The action-item form (and Fluent's select), loaded when someone first adds or changes one. */
export const actionItemForm = deferredModule<typeof ActionItemFormModule>('the action-item form');
