/**
 * Cosmos DB ETags arrive quoted from Azure and bare from the embedded server; HTTP wants them
 * quoted. Compare by value, send quoted, and hand Cosmos back exactly what it gave us.
 */

const unquote = (etag: string): string => etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');

export const toHttpEtag = (stored: string): string => `"${unquote(stored)}"`;

export const etagMatches = (ifMatch: string, stored: string): boolean =>
  unquote(ifMatch) === unquote(stored);
