import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

import { runSchedulePass } from '../api/src/scheduler/schedulePass';
import { BENCH_NOW, benchOrg } from './org';
import { BENCH_LIMITS } from './scheduler';
import { withStack } from './stacks';

/**
 * One product pass over a generated org, for profiling rather than reporting: prints the pass
 * time, progress every few seconds (a pass that slows as it goes is doing work that grows with
 * what it has booked) and the requests each local server received, by route. Run it under
 * `npx tsx --cpu-prof --cpu-prof-dir=bench/out/prof bench/profilePass.ts 3000`.
 */
const size = Number(process.argv[2] ?? 3000);
const requests = new Map<string, number>();
subscribe('http.server.request.start', (message: unknown) => {
  const req = (message as { request: IncomingMessage }).request;
  const path = (req.url ?? '')
    .split('?')[0]
    .replace(/\/docs\/[^/]+/, '/docs/{id}')
    .replace(/\/users\/[0-9a-f-]{36}/, '/users/{id}');
  const plan = req.headers['x-ms-cosmos-is-query-plan-request'] ? ' (query plan)' : '';
  const key = `${req.method} ${path}${plan}`;
  requests.set(key, (requests.get(key) ?? 0) + 1);
});

void withStack(
  { directory: benchOrg(size), graphCalendarLimits: { ...BENCH_LIMITS } },
  async (stack) => {
    const started = Date.now();
    let lastShown = 0;
    const summary = await runSchedulePass(stack.services, {
      now: BENCH_NOW,
      progress: (line) => {
        if (Date.now() - lastShown < 3_000) return;
        lastShown = Date.now();
        console.error(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}`);
      },
    });
    console.log(`${size} people: booked ${summary.booked} in ${Date.now() - started} ms`);
    for (const [route, count] of [...requests].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`${String(count).padStart(7)}  ${route}`);
  },
);
