/**
 * Counters of what the simulator was asked, for benchmarks and tests (`GET /dev/graph-stats`):
 * how many Graph requests (single requests and `$batch` items alike; the envelopes are counted
 * as `batches`), per mailbox and per route, and how many were throttled or failed on purpose.
 */

export interface GraphStatsSnapshot {
  requests: number;
  /** Mailbox requests by the mailbox's user id (or the raw segment if it names nobody). */
  byMailbox: Record<string, number>;
  /** By method and path shape, e.g. `POST /users/{id}/calendar/getSchedule`. */
  byRoute: Record<string, number>;
  /** Answered 429 by the per-mailbox limits (injected 429s count as `faulted`). */
  throttled: number;
  faulted: number;
  batches: number;
  batchItems: number;
}

export interface GraphStats {
  request(route: string | null, mailbox: string | null): void;
  throttled(): void;
  faulted(): void;
  batch(items: number): void;
  snapshot(): GraphStatsSnapshot;
  reset(): void;
}

export function createGraphStats(): GraphStats {
  let stats = empty();
  return {
    request(route, mailbox) {
      stats.requests += 1;
      if (route) stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
      if (mailbox) stats.byMailbox[mailbox] = (stats.byMailbox[mailbox] ?? 0) + 1;
    },
    throttled: () => {
      stats.throttled += 1;
    },
    faulted: () => {
      stats.faulted += 1;
    },
    batch(items) {
      stats.batches += 1;
      stats.batchItems += items;
    },
    snapshot: () => structuredClone(stats),
    reset: () => {
      stats = empty();
    },
  };
}

function empty(): GraphStatsSnapshot {
  return {
    requests: 0,
    byMailbox: {},
    byRoute: {},
    throttled: 0,
    faulted: 0,
    batches: 0,
    batchItems: 0,
  };
}

/** Segments that follow these collection names are ids; naming them `{id}` groups the routes. */
const ID_AFTER = new Set(['users', 'events', 'chats', 'calendars', 'members', 'tabs']);

/** Graph functions that sit where an id would (`/users/delta`): they are routes, not ids. */
const FUNCTIONS = new Set(['delta']);

/** `GET /users/4f…/events/AAMk…` → `GET /users/{id}/events/{id}`; `/users/delta` stays itself. */
export function routeLabel(method: string, path: string): string {
  const segments = path.split('/').filter(Boolean);
  const shaped = segments.map((segment, i) =>
    i > 0 && ID_AFTER.has(segments[i - 1].toLowerCase()) && !FUNCTIONS.has(segment.toLowerCase())
      ? '{id}'
      : segment,
  );
  return `${method} /${shaped.join('/')}`;
}
