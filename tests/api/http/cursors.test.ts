import { z } from 'zod';

import { decodeCursor, encodeCursor } from '../../../api/src/http/cursors';
import { Problem } from '../../../api/src/errors/problem';

const schema = z.strictObject({ offset: z.number().int().min(0) });
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

function refusal(raw: string): Problem {
  try {
    decodeCursor(raw, schema);
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error(`accepted ${raw}`);
}

describe('paging cursors', () => {
  it('reads back exactly what it wrote', () => {
    expect(decodeCursor(encodeCursor({ offset: 200 }), schema)).toEqual({ offset: 200 });
  });

  it('treats a missing or empty cursor as the first page', () => {
    expect(decodeCursor(null, schema)).toBeNull();
    expect(decodeCursor('', schema)).toBeNull();
  });

  it.each([
    ['control characters', b64('\u0001{"offset":0}')],
    ['non-ASCII', b64('{"offset":0,"é":1}')],
    ['invalid JSON', b64('{offset:0')],
    ['a field of the wrong type', b64('{"offset":"0"}')],
    ['an unknown field', b64('{"offset":0,"x":1}')],
    ['characters outside base64url', '{"offset":0}'],
    ['a corrupted encoding', `${encodeCursor({ offset: 0 }).slice(0, -1)}z`],
    ['an overlong value', 'A'.repeat(9000)],
  ])('refuses %s with a 400 naming the cursor', (_, raw) => {
    const problem = refusal(raw);
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ path: 'cursor', message: 'Invalid cursor.' }]);
  });
});
