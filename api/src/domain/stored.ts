/**
 * A record as the store holds it: with the version token (ETag) a conditional write compares.
 * Handlers and the scheduler pass it back unchanged, so a stale write is caught by the store.
 */
export type Stored<T> = T & { _etag: string };
