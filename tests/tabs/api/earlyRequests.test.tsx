import {
  fetchWithEarlyRequests,
  takeEarlyLocalRequests,
} from '../../../tabs/src/api/earlyRequests';

const ME = 'http://localhost:7071/api/me';

/** jsdom has no Response: what the code under test reads of one. */
function answer(from: string): Response {
  return { ok: true, status: 200, json: async () => ({ from }) } as Response;
}

function early(requests: Record<string, Promise<Response>>) {
  return { userId: 'u1', requests: Promise.resolve(requests) };
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
