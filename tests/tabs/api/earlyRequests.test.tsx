import {
  fetchWithEarlyRequests,
  takeEarlyAnswer,
  takeEarlyLocalRequests,
} from '../../../tabs/src/api/earlyRequests';
import type { EarlyAnswer, EarlyLocalRequests } from '../../../tabs/src/api/earlyRequests';

const ME = 'http://localhost:7071/api/me';

/** jsdom has no Response: what the code under test reads of one. */
function answer(from: string): Response {
  return { ok: true, status: 200, json: async () => ({ from }) } as Response;
}

function early(
  requests: Record<string, Promise<Response>>,
  answers: Record<string, EarlyAnswer> = {},
): EarlyLocalRequests {
  return {
    userId: 'u1',
    requests: Promise.resolve(requests),
    answers,
    answered: Promise.resolve(),
    taken: new Set(),
  };
}

function network() {
  const calls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return answer('network');
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('requests the page started before the app ran', () => {
  test('the app’s first matching request gets the early response; the next goes to the network', async () => {
    const { calls, fetchImpl } = network();
    const fetchEarly = fetchWithEarlyRequests(
      early({ [`GET ${ME}`]: Promise.resolve(answer('early')) }),
      fetchImpl,
    );
    expect(await (await fetchEarly(ME, { method: 'GET' })).json()).toEqual({ from: 'early' });
    expect(calls).toEqual([]);
    expect(await (await fetchEarly(ME, { method: 'GET' })).json()).toEqual({ from: 'network' });
    expect(calls).toEqual([ME]);
  });

  test('a conditional request or another method never takes an early response', async () => {
    const { calls, fetchImpl } = network();
    const fetchEarly = fetchWithEarlyRequests(
      early({ [`GET ${ME}`]: Promise.resolve(answer('early')) }),
      fetchImpl,
    );
    await fetchEarly(ME, { method: 'GET', headers: { 'If-None-Match': 'W/"1"' } });
    await fetchEarly(ME, { method: 'POST' });
    expect(calls).toEqual([ME, ME]);
  });

  test('an early request that failed is asked again', async () => {
    const { calls, fetchImpl } = network();
    const fetchEarly = fetchWithEarlyRequests(
      early({ [`GET ${ME}`]: Promise.reject(new TypeError('Failed to fetch')) }),
      fetchImpl,
    );
    expect(await (await fetchEarly(ME, { method: 'GET' })).json()).toEqual({ from: 'network' });
    expect(calls).toEqual([ME]);
  });

  test('without an early script (framed, Azure, nobody signed in) there is nothing to take', () => {
    expect(takeEarlyLocalRequests({})).toBeNull();
  });
});

describe('answers the page had read in full before the app ran', () => {
  const body = (from: string): EarlyAnswer => ({
    status: 200,
    etag: 'W/"7"',
    text: JSON.stringify({ from }),
  });

  test('are taken once, as data and ETag; then neither the answer nor its request is handed out', async () => {
    const { calls, fetchImpl } = network();
    const held = early(
      { [`GET ${ME}`]: Promise.resolve(answer('early')) },
      { [`GET ${ME}`]: body('early') },
    );
    expect(takeEarlyAnswer(held, ME)).toEqual({ data: { from: 'early' }, etag: 'W/"7"' });
    expect(takeEarlyAnswer(held, ME)).toBeUndefined();
    // The same read asked by fetch now goes to the network: it was answered already.
    const fetchEarly = fetchWithEarlyRequests(held, fetchImpl);
    expect(await (await fetchEarly(ME, { method: 'GET' })).json()).toEqual({ from: 'network' });
    expect(calls).toEqual([ME]);
  });

  test('an answer whose request fetch already handed out is not taken again', async () => {
    const { fetchImpl } = network();
    const held = early(
      { [`GET ${ME}`]: Promise.resolve(answer('early')) },
      { [`GET ${ME}`]: body('early') },
    );
    await fetchWithEarlyRequests(held, fetchImpl)(ME, { method: 'GET' });
    expect(takeEarlyAnswer(held, ME)).toBeUndefined();
  });

  test('an error status, a body that is not JSON, or one not in yet is left to the request', () => {
    const held = early(
      {},
      {
        [`GET ${ME}`]: { status: 401, etag: null, text: '{"title":"Unauthorized"}' },
        [`GET ${ME}/x`]: { status: 200, etag: null, text: '<html>' },
      },
    );
    expect(takeEarlyAnswer(held, ME)).toBeUndefined();
    expect(takeEarlyAnswer(held, `${ME}/x`)).toBeUndefined();
    expect(takeEarlyAnswer(held, `${ME}/y`)).toBeUndefined();
    expect(held.taken.size).toBe(0);
  });
});
