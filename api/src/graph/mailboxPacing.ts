import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Holds back every request to a mailbox once Outlook has throttled one: Microsoft's guidance is to
 * wait the `Retry-After` seconds before sending more requests, not just to retry the one refused
 * ("Microsoft Graph throttling guidance", https://learn.microsoft.com/graph/throttling; Outlook's
 * limits are per app and mailbox, https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits).
 * Without it, a mailbox's other requests in flight keep arriving inside the closed window, are
 * refused in turn and spend their own retries. It sits between the retry handler and the network,
 * so it sees every attempt, the retry handler's included.
 */

const MAILBOX = /\/users\/([^/?]+)\/(?:calendar|events|calendarView)/i;

export function mailboxOfUrl(url: string): string | null {
  const match = MAILBOX.exec(new URL(url).pathname);
  return match ? decodeURIComponent(match[1]!).toLowerCase() : null;
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export class MailboxPacingMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('MailboxPacingMiddleware must not be the last middleware');
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const mailbox = mailboxOfUrl(url);
    const until = mailbox ? (this.pausedUntil.get(mailbox) ?? 0) : 0;
    const wait = until - this.clock();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await this.next.execute(context);
    if (mailbox === null || context.response?.status !== 429) return;
    const after = retryAfterMs(context.response.headers.get('Retry-After'), this.clock());
    if (after === null) return;
    const resume = this.clock() + after;
    if (resume > (this.pausedUntil.get(mailbox) ?? 0)) this.pausedUntil.set(mailbox, resume);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
