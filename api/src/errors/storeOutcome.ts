/**
 * What a write can meet besides success, said in the store's own terms: the version read is stale,
 * the record is gone, another write got there first, or the document would be too large. The store
 * (and a handler comparing ETags before it writes) throws these; the route adapter maps them to
 * problem+json once (functions/problemResponse.ts), so nothing below the wiring speaks HTTP.
 * `detail` is written for the person who made the request; it is never logged.
 */

export type StoreOutcomeKind = 'stale' | 'gone' | 'conflict' | 'too-large';

export class StoreOutcome extends Error {
  override name = 'StoreOutcome';
  constructor(
    readonly kind: StoreOutcomeKind,
    readonly detail: string,
  ) {
    // The message names the kind only: a detail can quote what the person wrote.
    super(kind);
  }
}

export const staleWrite = (what: string) =>
  new StoreOutcome(
    'stale',
    `${what} was changed by someone else (or in another window) since you loaded it. Reload to see the latest version, then apply your change again.`,
  );

export const gone = (detail: string) => new StoreOutcome('gone', detail);

export const tooLarge = (detail: string) => new StoreOutcome('too-large', detail);

export const isStale = (error: unknown): boolean =>
  error instanceof StoreOutcome && error.kind === 'stale';
