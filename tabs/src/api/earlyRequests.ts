/**
 * Requests public/early-config.js started before the entry bundle ran (local mode, in a browser,
 * someone already signed in with "Sign in as"): the token, /api/me and the own board's reads, each
 * keyed `METHOD url`. The app's own requests take them through `fetchWithEarlyRequests`, or a read
 * whose body is already in through `takeEarlyAnswer`: each once, either way, so a later read (a
 * reload, a retry, a fresh token) always goes to the network.
 */

/** A read's answer the early script has already read in full: status, ETag and body text. */
export interface EarlyAnswer {
  status: number;
  etag: string | null;
  text: string;
}

export interface EarlyLocalRequests {
  /** Whom they were made for: used only if that is still who is signed in. */
  userId: string;
  requests: Promise<Record<string, Promise<Response>>>;
  /** The reads' answers by the same key, filled in as each body arrives in full. */
  answers: Record<string, EarlyAnswer>;
  /** Settles once every read's body is in, or its request failed. */
  answered: Promise<void>;
  /** The keys handed out so far, by either way. */
  taken: Set<string>;
}

type Holder = { careerBoardEarlyLocal?: unknown };

let held: EarlyLocalRequests | null | undefined;

/** The early requests, if the page made any; the same answer on every call. */
export function takeEarlyLocalRequests(
  holder: Holder = globalThis as Holder,
): EarlyLocalRequests | null {
  if (held !== undefined) return held;
  const early = holder.careerBoardEarlyLocal as Partial<EarlyLocalRequests> | undefined;
  delete holder.careerBoardEarlyLocal;
  held =
    early && typeof early.userId === 'string' && early.requests instanceof Promise
      ? {
          userId: early.userId,
          requests: early.requests,
          answers: typeof early.answers === 'object' && early.answers ? early.answers : {},
          answered: early.answered instanceof Promise ? early.answered : Promise.resolve(),
          taken: new Set(),
        }
      : null;
  return held;
}

/**
 * A GET the early script already has a successful JSON answer to, as data and ETag; once, and only
 * if its request was not handed out already. Anything else (not in yet, an error status, a body
 * that is not JSON) is left to the request itself.
 */
export function takeEarlyAnswer(
  early: EarlyLocalRequests,
  url: string,
): { data: unknown; etag: string | null } | undefined {
  const key = `GET ${url}`;
  const answer = early.answers[key];
  if (!answer || answer.status !== 200 || early.taken.has(key)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(answer.text);
  } catch {
    return undefined;
  }
  early.taken.add(key);
  return { data, etag: answer.etag };
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
    const twin = conditional || early.taken.has(key) ? undefined : requests[key];
    if (twin) {
      early.taken.add(key);
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
