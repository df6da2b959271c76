/**
 * Short-lived messages on their way to the toaster. The toaster (Fluent's Toaster and its motion
 * code, several KB gzipped) is loaded only when the first message is posted, so it stays out of
 * the first visit's download; messages posted before it is mounted wait here and are shown once
 * it is.
 */
export interface Notice {
  intent: 'error' | 'success';
  title: string;
  body?: string;
  timeoutMs: number;
}

type Listener = (notice: Notice) => void;

let listener: Listener | null = null;
const waiting: Notice[] = [];
const wanted = new Set<() => void>();

export function postNotice(notice: Notice): void {
  if (listener) {
    listener(notice);
    return;
  }
  waiting.push(notice);
  for (const want of wanted) want();
}

/** The mounted toaster takes the messages: those waiting now, then each as it is posted. */
export function receiveNotices(next: Listener): () => void {
  listener = next;
  for (const notice of waiting.splice(0)) next(notice);
  return () => {
    if (listener === next) listener = null;
  };
}

/** Calls `mount` once a message waits for a toaster (at once if one already does). */
export function whenNoticeWaits(mount: () => void): () => void {
  wanted.add(mount);
  if (waiting.length > 0) mount();
  return () => {
    wanted.delete(mount);
  };
}
