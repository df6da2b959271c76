import { HttpRequest } from '@azure/functions';

import { aspirationInputSchema } from '../../../api/src/contract/boardContract';
import { Problem } from '../../../api/src/errors/problem';
import {
  guidParam,
  jsonBody,
  optionalIfMatch,
  requiredIfMatch,
} from '../../../api/src/http/requestParsing';

const request = (init: {
  body?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}) =>
  new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/x',
    headers: init.headers ?? {},
    params: init.params ?? {},
    ...(init.body !== undefined ? { body: { string: init.body } } : {}),
  });

async function problemOf(work: () => unknown): Promise<Problem> {
  try {
    await work();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('reading requests', () => {
  it('lists each field at fault', async () => {
    const p = await problemOf(() =>
      jsonBody(
        request({
          body: JSON.stringify({ kind: 'x', title: '' }),
          headers: { 'content-type': 'application/json' },
        }),
        aspirationInputSchema,
      ),
    );
    expect(p.status).toBe(400);
    expect(p.errors.map((e) => e.path).sort()).toEqual(['horizon', 'kind', 'title']);
  });
  it('names unknown fields', async () => {
    const p = await problemOf(() =>
      jsonBody(
        request({
          body: JSON.stringify({ kind: 'skill', horizon: 'next', title: 'x', owner: 'me' }),
          headers: { 'content-type': 'application/json' },
        }),
        aspirationInputSchema,
      ),
    );
    expect(p.errors[0].message).toMatch(/Unknown field\(s\): owner/);
  });
  it('refuses arrays, invalid JSON and non-JSON content types', async () => {
    const json = { 'content-type': 'application/json' };
    expect(
      (
        await problemOf(() =>
          jsonBody(request({ body: '[]', headers: json }), aspirationInputSchema),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await problemOf(() =>
          jsonBody(request({ body: '{', headers: json }), aspirationInputSchema),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await problemOf(() =>
          jsonBody(
            request({ body: '{}', headers: { 'content-type': 'text/plain' } }),
            aspirationInputSchema,
          ),
        )
      ).status,
    ).toBe(415);
  });
  it('requires one concrete ETag in If-Match', async () => {
    expect((await problemOf(() => requiredIfMatch(request({})))).status).toBe(428);
    expect(
      (await problemOf(() => requiredIfMatch(request({ headers: { 'if-match': '*' } })))).status,
    ).toBe(400);
    expect(optionalIfMatch(request({ headers: { 'if-match': 'W/"abc"' } }))).toBe('"abc"');
    expect(optionalIfMatch(request({ headers: { 'if-match': 'abc' } }))).toBe('"abc"');
  });
  it('accepts only GUIDs as ids', async () => {
    expect(
      (await problemOf(() => guidParam(request({ params: { employeeId: '../x' } }), 'employeeId')))
        .status,
    ).toBe(400);
    expect(
      guidParam(
        request({ params: { employeeId: 'AAAAAAAA-1111-4111-8111-111111111111' } }),
        'employeeId',
      ),
    ).toBe('aaaaaaaa-1111-4111-8111-111111111111');
  });
});
