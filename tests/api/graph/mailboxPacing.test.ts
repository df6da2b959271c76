import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

import {
  MailboxPacingMiddleware,
  mailboxOfUrl,
  retryAfterMs,
} from '../../../api/src/graph/mailboxPacing';

/** The network: answers each request with the next status in line, Retry-After 2 s on a 429. */
function network(statuses: number[]): Middleware & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    async execute(context: Context) {
      seen.push(String(context.request));
      const status = statuses.shift() ?? 200;
      context.response = new Response(null, {
        status,
        headers: status === 429 ? { 'Retry-After': '2' } : {},
      });
    },
    setNext: () => undefined,
  };
}

const call = (m: Middleware, url: string) => m.execute({ request: url, options: {} } as Context);
const A = 'https://graph.example/v1.0/users/A@contoso.example/calendar/getSchedule';
const A_EVENTS = 'https://graph.example/v1.0/users/a@contoso.example/events';
const B = 'https://graph.example/v1.0/users/b@contoso.example/events';

describe('a throttled mailbox holds back its other requests until Retry-After', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('after a 429 for a mailbox, its next request waits the Retry-After; other mailboxes do not', async () => {
    let now = 0;
    const pacing = new MailboxPacingMiddleware(() => now);
    const net = network([429]);
    pacing.setNext(net);
    await call(pacing, A);

    let sent = false;
    const next = call(pacing, A_EVENTS).then(() => (sent = true));
    await call(pacing, B);
    expect(net.seen).toEqual([A, B]);
    now = 1999;
    await jest.advanceTimersByTimeAsync(1999);
    expect(sent).toBe(false);
    now = 2000;
    await jest.advanceTimersByTimeAsync(1);
    await next;
    expect(net.seen).toEqual([A, B, A_EVENTS]);
  });

  it('reads the mailbox from calendar and event paths only, and Retry-After as seconds or a date', () => {
    expect(mailboxOfUrl(A)).toBe('a@contoso.example');
    expect(mailboxOfUrl('https://graph.example/v1.0/users/x/manager')).toBeNull();
    expect(mailboxOfUrl('https://graph.example/v1.0/$batch')).toBeNull();
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(new Date(5000).toUTCString(), 1000)).toBe(4000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });
});
