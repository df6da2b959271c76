/** What the board loads of sharing, as one chunk, the first time someone opens any of it. */
export { AskAdvice } from './AskAdvice';
export { SharingPanel } from './SharingPanel';
