/**
 * Requests public/early-config.js started before the entry bundle ran (local mode, in a browser,
 * someone already signed in with "Sign in as"): the token, /api/me and the own board's reads, each
 * keyed `METHOD url`. The app's own requests take them through `fetchWithEarlyRequests`, each
 * once, so a later read (a reload, a retry, a fresh token) always goes to the network.
 */

export interface EarlyLocalRequests {
  /** Whom they were made for: used only if that is still who is signed in. */
  userId: string;
  requests: Promise<Record<string, Promise<Response>>>;
}

type Holder = { careerBoardEarlyLocal?: unknown };

let taken: EarlyLocalRequests | null | undefined;

/** The early requests, if the page made any; the same answer on every call. */
export function takeEarlyLocalRequests(
  holder: Holder = globalThis as Holder,
): EarlyLocalRequests | null {
  if (taken !== undefined) return taken;
  const early = holder.careerBoardEarlyLocal as Partial<EarlyLocalRequests> | undefined;
  delete holder.careerBoardEarlyLocal;
  taken =
    early && typeof early.userId === 'string' && early.requests instanceof Promise
      ? { userId: early.userId, requests: early.requests }
      : null;
  return taken;
}

/**
 * A fetch that answers a request the early script already made (same method and URL, not
 * conditional) with that response, once; every other request, and one whose early twin failed,
 * goes to `fetchImpl`.
 */
export function fetchWithEarlyRequests(
  early: EarlyLocalRequests,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): typeof fetch {
  const pending = early.requests.catch(() => ({}) as Record<string, Promise<Response>>);
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const conditional = headerNames(init?.headers).some(
      (n) => n === 'if-none-match' || n === 'if-match',
    );
    const key = `${method} ${typeof input === 'string' ? input : String(input)}`;
    const requests = await pending;
    const twin = conditional ? undefined : requests[key];
    if (twin) {
      delete requests[key];
      const response = await twin.catch(() => null);
      if (response) return response;
    }
    return fetchImpl(input, init);
  };
}

function headerNames(headers: HeadersInit | undefined): string[] {
  if (!headers) return [];
  if (Array.isArray(headers)) return headers.map(([name]) => name.toLowerCase());
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return [...headers.keys()];
  return Object.keys(headers).map((name) => name.toLowerCase());
}
