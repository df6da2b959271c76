import type { AspirationView } from '../../../../api/src/contract/boardContract';
import type { TestStack } from '../../../support/testStack';

/** What the privacy tests share: writing as a person through the API, and reading every document. */

export async function expectStatus<T>(
  pending: Promise<{ status: number; body: T; contentType: string }>,
  status: number,
): Promise<T> {
  const result = await pending;
  if (result.status !== status)
    throw new Error(`Expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  if (status >= 400) expect(result.contentType).toContain('application/problem+json');
  return result.body;
}

/** The manager acknowledges (with a note) and comments, as they would in the tab. */
export async function acknowledgeAndComment(
  stack: TestStack,
  employeeId: string,
  aspiration: AspirationView,
  as: string,
  words: { note: string; comment: string },
): Promise<void> {
  const path = `/boards/${employeeId}/aspirations/${aspiration.id}`;
  await expectStatus(
    stack.call(`${path}/acknowledgement`, {
      as,
      method: 'POST',
      body: { note: words.note },
      headers: { 'If-Match': aspiration.etag },
    }),
    200,
  );
  await expectStatus(
    stack.call(`${path}/comments`, { as, method: 'POST', body: { text: words.comment } }),
    201,
  );
}

export async function writeNotes(
  stack: TestStack,
  employeeId: string,
  as: string,
  text: string,
): Promise<void> {
  await expectStatus(
    stack.call(`/boards/${employeeId}/notes`, { as, method: 'PUT', body: { text } }),
    200,
  );
}

/**
 * Every stored document of every container that contains one of `needles` (case-insensitive),
 * as `container/id: needle`. The scan reads whole documents, so nothing hides in a nested field.
 */
export async function documentsMentioning(stack: TestStack, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const [name, container] of Object.entries(stack.services.cosmos.containers)) {
    const { resources } = await container.items.query<{ id: string }>('SELECT * FROM c').fetchAll();
    for (const doc of resources) {
      const text = JSON.stringify(doc).toLowerCase();
      for (const needle of needles)
        if (text.includes(needle.toLowerCase())) hits.push(`${name}/${doc.id}: ${needle}`);
    }
  }
  return hits;
}

/** A fingerprint of everything stored: equal before and after means nothing was changed. */
export async function storedState(stack: TestStack): Promise<string> {
  const all: string[] = [];
  for (const [name, container] of Object.entries(stack.services.cosmos.containers)) {
    const { resources } = await container.items
      .query<{ id: string; _etag: string }>('SELECT c.id, c._etag FROM c')
      .fetchAll();
    all.push(...resources.map((d) => `${name}/${d.id}/${d._etag}`));
  }
  return all.sort().join('\n');
}
