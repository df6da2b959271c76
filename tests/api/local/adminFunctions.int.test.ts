import { createServer } from 'node:http';
import type { Server } from 'node:http';

import { createApiListener } from '../../../api/src/local/apiHost';
import { close, listen } from '../../../api/src/local/listen';
import type { Services } from '../../../api/src/services';
import type { TimerDefinition } from '../../../api/src/functions/timer';

/**
 * `POST /admin/functions/{name}` runs a timer (a scheduling pass books meetings for everyone), so
 * no web page may trigger it: a browser's cross-origin or cross-site POST is refused with 403
 * problem+json and the timer does not run; `npm run schedule` (no Origin) and the tab still can.
 */

const TAB_ORIGIN = 'http://localhost:53000';
let runs = 0;
const countingTimer: TimerDefinition = {
  name: 'countRuns',
  schedule: '0 0 6 * * *',
  run: () => {
    runs += 1;
    return Promise.resolve({ runs });
  },
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer();
  const port = await listen(server, 0, 'API', 'API_PORT');
  base = `http://localhost:${port}`;
  server.on(
    'request',
    createApiListener({
      routes: [],
      timers: [countingTimer],
      // The timer under test never touches services; the host only hands them on.
      services: {} as unknown as Services,
      allowedOrigin: TAB_ORIGIN,
      ownOrigin: base,
    }),
  );
});
afterAll(async () => close(server));

async function post(headers: Record<string, string>) {
  const response = await fetch(`${base}/admin/functions/countRuns`, { method: 'POST', headers });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as { status?: number; detail?: string },
  };
}

describe('POST /admin/functions/{name} locally', () => {
  it.each([
    ['another web site', { Origin: 'https://evil.example' }],
    ['another local page', { Origin: 'http://localhost:8080' }],
    ['a DNS-rebinding page on the API port', { Origin: 'http://attacker.example:7071' }],
    ['a cross-site request without Origin', { 'Sec-Fetch-Site': 'cross-site' }],
  ])('refuses %s with 403 problem+json and runs nothing', async (_, headers) => {
    const before = runs;
    const result = await post(headers);
    expect(result.status).toBe(403);
    expect(result.contentType).toBe('application/problem+json');
    expect(result.body.detail).toMatch(/npm run schedule/);
    expect(runs).toBe(before);
  });

  it('runs for npm run schedule (no Origin), the tab and the API origin itself', async () => {
    const before = runs;
    expect((await post({ Accept: 'application/json' })).status).toBe(200);
    expect((await post({ Origin: TAB_ORIGIN, 'Sec-Fetch-Site': 'same-site' })).status).toBe(200);
    expect((await post({ Origin: base, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect(runs).toBe(before + 3);
  });
});
