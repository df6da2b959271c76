import type * as PickTimeDialogModule from './PickTimeDialog';
import { deferredModule } from './deferredModule';

/**
 * The manager's pick-a-time dialog, loaded when first opened: from My team or from the report's
 * board (both features use it, so it lives in the kit).
 */
export const pickTimeDialog = deferredModule<typeof PickTimeDialogModule>('the pick-a-time dialog');
