import { tooLarge } from '../errors/storeOutcome';

/**
 * Cosmos DB refuses an item over 2 MB (measured as stored: UTF-8 JSON plus its system properties)
 * with 413. Field limits alone cannot prevent that: 200 evidence entries with long links in a
 * non-Latin script, or text full of characters JSON escapes, pass every field check and still add
 * up. So every board document is measured before it is written and refused with a message a
 * person can act on; the margin leaves room for the system properties Cosmos adds.
 */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024 - 16 * 1024;

export function documentBytes(doc: unknown): number {
  return Buffer.byteLength(JSON.stringify(doc), 'utf8');
}

export function assertStorable(doc: unknown, advice: string): void {
  const bytes = documentBytes(doc);
  if (bytes <= MAX_DOCUMENT_BYTES) return;
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(2);
  throw tooLarge(
    `This change would make the stored document ${mb(bytes)} MB, over the ${mb(MAX_DOCUMENT_BYTES)} MB a document can hold. ${advice}`,
  );
}

export const ASPIRATION_TOO_LARGE_ADVICE =
  'Shorten its details, steps or evidence (long links and non-Latin text take more space), or split it into two aspirations.';
