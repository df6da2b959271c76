import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { startStack } from '../../../api/src/local/stack';
import type { Stack } from '../../../api/src/local/stack';
import { freePorts } from '../../support/freePorts';

/**
 * Requests made while the local stack starts are answered: every port is polled every 20 ms from
 * before `startStack` is called until it has resolved, and every request must get a status (or a
 * refused connection, before the port is bound) within a bound. A request still unanswered past
 * that bound fails the test.
 */

const POLL_MS = 20;
const ANSWER_BOUND_MS = 20_000;

interface Probe {
  service: string;
  sentAt: number;
  outcome?: { status: number; retryAfter?: string; contentType?: string } | { refused: true };
}

function probe(service: string, url: string, probes: Probe[]): void {
  const entry: Probe = { service, sentAt: Date.now() };
  probes.push(entry);
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  const req = request(url, { rejectUnauthorized: false, agent: false }, (res) => {
    entry.outcome = {
      status: res.statusCode ?? 0,
      retryAfter: res.headers['retry-after'],
      contentType: res.headers['content-type'],
    };
    res.resume();
  });
  req.on('error', (error: NodeJS.ErrnoException) => {
    // Before the port is bound the connection is refused: an answer, not a hang.
    if (error.code === 'ECONNREFUSED') entry.outcome = { refused: true };
  });
  req.end();
}

describe('the local stack while it starts', () => {
  let stack: Stack | undefined;
  afterAll(async () => stack?.close());

  it('answers every request on every port: held until ready or 503 with Retry-After', async () => {
    const [api, tab, dev, cosmos, queues] = await freePorts(5);
    const ports = { api: api!, tab: tab!, dev: dev!, cosmos: cosmos!, queues: queues! };
    const targets: [string, string][] = [
      ['api', `http://localhost:${ports.api}/api/health`],
      ['tab', `http://localhost:${ports.tab}/config.json`],
      ['dev', `http://localhost:${ports.dev}/dev/users`],
      ['cosmos', `https://localhost:${ports.cosmos}/`],
    ];
    const probes: Probe[] = [];
    const poll = () => targets.forEach(([service, url]) => probe(service, url, probes));
    poll();
    const timer = setInterval(poll, POLL_MS);
    try {
      stack = await startStack({ ports, orgChartCacheSeconds: 0 });
    } finally {
      clearInterval(timer);
    }
    poll();

    const deadline = Date.now() + ANSWER_BOUND_MS;
    while (probes.some((p) => !p.outcome) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const unanswered = probes.filter((p) => !p.outcome).map((p) => p.service);
    expect(unanswered).toEqual([]);

    const answered = probes.flatMap((p) =>
      p.outcome && 'status' in p.outcome ? [{ service: p.service, ...p.outcome }] : [],
    );
    const starting = answered.filter((a) => a.status === 503);
    console.log(
      `start-up polling: ${probes.length} requests, ${answered.length} answered with a status ` +
        `(${starting.length} with 503 while starting), ${probes.length - answered.length} refused before the port was bound`,
    );
    // The window between binding and serving was exercised, and every refusal in it says when to
    // come back, as problem+json.
    expect(starting.some((a) => a.service === 'api')).toBe(true);
    for (const refusal of starting) {
      expect(refusal.retryAfter).toBe('1');
      expect(refusal.contentType).toBe('application/problem+json');
    }
    // The tab holds requests instead of refusing them (start-up is far shorter than its bound).
    expect(starting.filter((a) => a.service === 'tab')).toEqual([]);
    // Once started, every server serves.
    const last = new Map(answered.map((a) => [a.service, a.status]));
    expect(last.get('api')).toBe(200);
    expect(last.get('dev')).toBe(200);
    expect(last.get('tab')).toBe(200);
    expect(last.get('cosmos')).toBe(200);
  });
});
