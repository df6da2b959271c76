import { createApiClient } from '../../../tabs/src/api/apiClient';
import { ApiProblem } from '../../../tabs/src/api/apiProblem';
import { createCareerBoardApi } from '../../../tabs/src/api/careerBoardApi';
import type { TokenSource } from '../../../tabs/src/auth/tokenSource';
import { aConversation, anAspiration } from '../fixtures';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(responses: Response[]) {
  const calls: Call[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next;
  }) as unknown as typeof fetch;
  return { calls, impl };
}

/** jsdom has no fetch Response; the client needs only these members. */
function fakeResponse(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): Response {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    text: async () => text,
  } as unknown as Response;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  fakeResponse(status, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers });

function tokens(): TokenSource & { fresh: boolean[] } {
  const fresh: boolean[] = [];
  return {
    fresh,
    getToken: async (isFresh = false) => {
      fresh.push(isFresh);
      return isFresh ? 'token-2' : 'token-1';
    },
  };
}

describe('API client', () => {
  test('sends the bearer token, the body as JSON and the ETag as If-Match', async () => {
    const { calls, impl } = fakeFetch([json(200, anAspiration({ etag: '"e2"' }))]);
    const api = createCareerBoardApi(createApiClient('http://api.test/api/', tokens(), impl));
    const saved = await api.updateAspiration(
      'emp 1',
      { id: 'asp-1', etag: '"e1"' },
      { title: 'New' },
    );
    expect(saved.etag).toBe('"e2"');
    expect(calls[0].url).toBe('http://api.test/api/boards/emp%201/aspirations/asp-1');
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer token-1');
    expect(headers['If-Match']).toBe('"e1"');
    expect(calls[0].init.method).toBe('PATCH');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ title: 'New' });
  });

  test('a refused token is renewed once, then the call is retried', async () => {
    const source = tokens();
    const { calls, impl } = fakeFetch([
      json(401, { type: 'x', title: 'Sign-in required', status: 401, detail: 'Expired.' }),
      json(200, { ok: true }),
    ]);
    await createApiClient('http://api.test/api', source, impl).send('GET', '/me');
    expect(source.fresh).toEqual([false, true]);
    expect((calls[1].init.headers as Record<string, string>).Authorization).toBe('Bearer token-2');
  });

  test('problem+json becomes an ApiProblem with its detail and field errors', async () => {
    const { impl } = fakeFetch([
      json(422, {
        type: 'https://careerboard.dev/problems/validation',
        title: 'Invalid request',
        status: 422,
        detail: 'The title cannot be empty.',
        errors: [{ path: 'title', message: 'The title cannot be empty.' }],
      }),
    ]);
    const error = await createApiClient('http://api.test/api', tokens(), impl)
      .send('POST', '/boards/x/aspirations', { body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).status).toBe(422);
    expect((error as ApiProblem).fieldErrors).toEqual([
      { path: 'title', message: 'The title cannot be empty.' },
    ]);
  });

  test('a network failure becomes status 0, not an unhandled TypeError', async () => {
    const { impl } = fakeFetch([]);
    const error = await createApiClient('http://api.test/api', tokens(), impl)
      .send('GET', '/me')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).status).toBe(0);
  });

  test('history accepts a page of entries', async () => {
    const entry = {
      id: 'h1',
      at: '2026-01-01T00:00:00Z',
      actor: { id: 'a', displayName: 'A' },
      action: 'x',
      aspirationId: null,
      summary: 'Did x',
      changes: [],
    };
    const { impl } = fakeFetch([json(200, { entries: [entry], nextCursor: null })]);
    const api = createCareerBoardApi(createApiClient('http://api.test/api', tokens(), impl));
    expect(await api.history('emp')).toEqual([entry]);
  });

  test('DELETE answers 204 with no body', async () => {
    const { calls, impl } = fakeFetch([fakeResponse(204, '')]);
    const api = createCareerBoardApi(createApiClient('http://api.test/api', tokens(), impl));
    await api.deleteAspiration('emp', { id: 'asp-1', etag: '"e1"' });
    expect(calls[0].init.method).toBe('DELETE');
  });

  test('conversations are read from the board, newest first as the API sends them', async () => {
    const newer = aConversation();
    const older = aConversation({ id: '2026-Q3-mgr-1', quarter: '2026-Q3', status: 'held' });
    const { calls, impl } = fakeFetch([json(200, { conversations: [newer, older] })]);
    const api = createCareerBoardApi(createApiClient('http://api.test/api', tokens(), impl));
    expect(await api.conversations('emp 1')).toEqual([newer, older]);
    expect(calls[0].url).toBe('http://api.test/api/boards/emp%201/conversations');
  });

  test('reads already in hand are read as the API would answer them, by their full URL, without a request', () => {
    const board = { employee: { id: 'emp 1' }, viewer: { role: 'employee' } };
    const conversation = aConversation();
    const held: Record<string, unknown> = {
      'http://api.test/api/me': { id: 'emp 1' },
      'http://api.test/api/boards/emp%201': board,
      'http://api.test/api/boards/emp%201/conversations': { conversations: [conversation] },
    };
    const { calls, impl } = fakeFetch([]);
    const api = createCareerBoardApi(
      createApiClient('http://api.test/api/', tokens(), impl, (url) =>
        url in held ? { data: held[url], etag: null } : undefined,
      ),
    );
    expect(api.inHand?.me()).toEqual({ id: 'emp 1' });
    // As the read itself would: a board without aspirations has an empty list of them.
    expect(api.inHand?.board('emp 1')).toEqual({ ...board, aspirations: [] });
    expect(api.inHand?.conversations('emp 1')).toEqual([conversation]);
    expect(api.inHand?.board('someone else')).toBeUndefined();
    expect(calls).toEqual([]);
  });

  test('without answers in hand there is nothing to read in hand', () => {
    const api = createCareerBoardApi(createApiClient('http://api.test/api', tokens()));
    expect(api.inHand).toBeUndefined();
  });

  test('shared notes go with If-Match; private notes alone go without it', async () => {
    const { calls, impl } = fakeFetch([
      json(200, aConversation({ sharedNotes: 'Agreed', etag: '' }), { ETag: '"c2"' }),
      json(200, aConversation({ privateNotes: 'Mine', etag: '"c2"' }), { ETag: '"c2"' }),
    ]);
    const api = createCareerBoardApi(createApiClient('http://api.test/api', tokens(), impl));
    const shared = await api.updateConversation(
      'emp',
      '2026-Q4-mgr-1',
      { sharedNotes: 'Agreed' },
      '"c1"',
    );
    expect(shared.etag).toBe('"c2"');
    expect(calls[0].url).toBe('http://api.test/api/boards/emp/conversations/2026-Q4-mgr-1');
    expect(calls[0].init.method).toBe('PATCH');
    expect((calls[0].init.headers as Record<string, string>)['If-Match']).toBe('"c1"');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ sharedNotes: 'Agreed' });

    await api.updateConversation('emp', '2026-Q4-mgr-1', { privateNotes: 'Mine' }, null);
    expect((calls[1].init.headers as Record<string, string>)['If-Match']).toBeUndefined();
    expect(JSON.parse(String(calls[1].init.body))).toEqual({ privateNotes: 'Mine' });
  });

  test('the export arrives as the file’s text: Markdown as written, JSON pretty-printed', async () => {
    const markdown = '# Career Board export: Nia\n\n## Aspirations\n';
    const body = { format: 'career-board-export', version: 1 };
    const { calls, impl } = fakeFetch([
      fakeResponse(200, markdown, { 'Content-Type': 'text/markdown; charset=utf-8' }),
      json(200, body),
    ]);
    const api = createCareerBoardApi(createApiClient('http://api.test/api', tokens(), impl));
    await expect(api.exportMyData('md')).resolves.toBe(markdown);
    expect(calls[0].url).toBe('http://api.test/api/me/export?format=md');
    const file = await api.exportMyData('json');
    expect(JSON.parse(file)).toEqual(body);
    expect(file).toContain('\n  "format"');
  });
});
