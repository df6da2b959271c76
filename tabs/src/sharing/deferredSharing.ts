import type * as SharingPartsModule from './SharingParts';
import { deferredModule } from '../common/deferredModule';

/**
 * Sharing on the board (the Sharing panel, a card's sponsorship and "Ask for advice") loads after
 * the board shows: none of it is in the download that paints My board (bundle budget).
 */
export const sharingParts = deferredModule<typeof SharingPartsModule>('the sharing panel');
