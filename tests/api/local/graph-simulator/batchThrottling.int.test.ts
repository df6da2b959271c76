import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import type { Client } from '@microsoft/microsoft-graph-client';

import { createGraphClient } from '../../../../api/src/graph/graphClient';
import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import type { GraphStatsSnapshot } from '../../../../api/src/local/graph-simulator/graphStats';
import { DEFAULT_GRAPH_LATENCY } from '../../../../api/src/local/graph-simulator/latencyModel';
import { devRequest, graphRequest, scheduleBody } from './calendarKit';
import type { GraphErrorJson } from './calendarKit';
import { startSimulatorServer } from './simulatorServer';
import type { SimulatorServer } from './simulatorServer';

/** `$batch` and Outlook's per-mailbox limits, over a real socket. */

const { contoso } = DEMO;
const directory = buildDemoDirectory(new Date('2025-05-14T10:00:00Z'));

interface BatchItemResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { error?: { code: string; message: string } } & Record<string, unknown>;
}
type BatchResult = { responses: BatchItemResponse[] };

function scheduleItem(id: string, mailbox: string, mail: string) {
  return {
    id,
    method: 'POST',
    url: `/users/${mailbox}/calendar/getSchedule`,
    headers: { 'Content-Type': 'application/json' },
    body: scheduleBody([mail], '2025-05-12T00:00:00', '2025-05-13T00:00:00'),
  };
}

/** Members with a mailbox: the manager's team. */
function mailboxes(server: SimulatorServer, count: number) {
  const people = server.store
    .directReports(contoso.tenantId, contoso.bigTeamManager)
    .filter((u) => u.mail !== null)
    .slice(0, count);
  expect(people).toHaveLength(count);
  return people.map((u) => ({ id: u.id, mail: u.mail ?? '' }));
}

describe('$batch with the default limits', () => {
  let server: SimulatorServer;
  let graph: Client;
  beforeAll(async () => {
    server = await startSimulatorServer(directory);
    graph = createGraphClient({
      baseUrl: server.graphBaseUrl,
      getAccessToken: () => server.issuer.mintAppToken(contoso.tenantId),
      maxRetries: 0,
    });
  });
  afterAll(() => server.close());
  beforeEach(() => devRequest(server, 'DELETE', '/dev/graph-stats'));

  const batch = (requests: unknown[]) =>
    graphRequest<BatchResult>(server, contoso.tenantId, 'POST', '/$batch', { body: { requests } });

  it('throttles items beyond four concurrent for one mailbox, each with its own Retry-After', async () => {
    const [person] = mailboxes(server, 1);
    const { status, body } = await batch(
      Array.from({ length: 8 }, (_, i) =>
        scheduleItem(String(i + 1), contoso.bigTeamManager, person.mail),
      ),
    );
    expect(status).toBe(200);
    expect(body.responses.map((r) => r.id).sort()).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    const throttled = body.responses.filter((r) => r.status === 429);
    const ok = body.responses.filter((r) => r.status === 200);
    expect(throttled.length).toBeGreaterThan(0);
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.length).toBeLessThanOrEqual(4);
    for (const item of throttled) {
      expect(item.headers['Retry-After']).toBe('1');
      expect(item.body?.error).toMatchObject({
        code: 'ApplicationThrottled',
        message: 'Application is over its MailboxConcurrency limit.',
      });
    }
    const stats = (await devRequest<GraphStatsSnapshot>(server, 'GET', '/dev/graph-stats')).body;
    expect(stats).toMatchObject({
      batches: 1,
      batchItems: 8,
      requests: 8,
      throttled: throttled.length,
    });
    expect(stats.byMailbox[contoso.bigTeamManager]).toBe(8);
    expect(stats.byRoute['POST /users/{id}/calendar/getSchedule']).toBe(8);
  });

  it('does not throttle a batch spread across mailboxes (through the SDK’s batch helpers)', async () => {
    const people = mailboxes(server, 8);
    const content = new BatchRequestContent(
      people.map((p, i) => ({
        id: String(i + 1),
        request: new Request(`${server.graphBaseUrl}v1.0/users/${p.id}/calendar/getSchedule`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(
            scheduleBody([p.mail], '2025-05-12T00:00:00', '2025-05-13T00:00:00'),
          ),
        }),
      })),
    );
    const raw: unknown = await graph.api('/$batch').post(await content.getContent());
    const responses = new BatchResponseContent(raw as { responses: [] }).getResponses();
    expect(responses.size).toBe(8);
    for (const [, response] of responses) {
      expect(response.status).toBe(200);
      const json = (await response.json()) as { value: { scheduleId: string }[] };
      expect(json.value[0].scheduleId).toContain('@contoso.example');
    }
  });

  it('runs dependsOn in order and answers 424 when a dependency failed', async () => {
    const [person] = mailboxes(server, 1);
    const { body } = await batch([
      {
        id: 'a',
        method: 'GET',
        url: '/users/nobody@contoso.example/calendarView?startDateTime=2025-05-12T00:00:00Z&endDateTime=2025-05-13T00:00:00Z',
      },
      { ...scheduleItem('b', person.id, person.mail), dependsOn: ['a'] },
      { id: 'c', method: 'GET', url: `users/${person.id}?$select=id`, dependsOn: [] },
    ]);
    const byId = Object.fromEntries(body.responses.map((r) => [r.id, r]));
    expect(byId.a.status).toBe(404);
    expect(byId.b.status).toBe(424);
    expect(byId.c.status).toBe(200);
    expect(byId.c.body).toMatchObject({ id: person.id });
  });

  it.each([
    [
      '21 requests',
      Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users' })),
      'Number of requests inside batch exceeds the limit.',
    ],
    ['no requests', [], 'at least one'],
    [
      'duplicate ids',
      [
        { id: 'x', method: 'GET', url: '/users' },
        { id: 'X', method: 'GET', url: '/users' },
      ],
      'duplicate',
    ],
    [
      'a body without Content-Type',
      [{ id: '1', method: 'POST', url: '/users/x/events', body: {} }],
      'Write request id : 1 does not contain Content-Type header or body.',
    ],
    [
      'an unknown dependency',
      [{ id: '1', method: 'GET', url: '/users', dependsOn: ['2'] }],
      'not in the batch',
    ],
    [
      'a dependency cycle',
      [
        { id: '1', method: 'GET', url: '/users', dependsOn: ['2'] },
        { id: '2', method: 'GET', url: '/users', dependsOn: ['1'] },
      ],
      'cycle',
    ],
    [
      'an unknown method',
      [{ id: '1', method: 'BREW', url: '/users' }],
      'Invalid batch payload format',
    ],
  ])('refuses a batch with %s as a whole (400)', async (_name, requests, message) => {
    const { status, body } = await graphRequest<GraphErrorJson>(
      server,
      contoso.tenantId,
      'POST',
      '/$batch',
      {
        body: { requests },
      },
    );
    expect(status).toBe(400);
    expect(body.error.message).toContain(message);
  });

  it('accepts 20 requests', async () => {
    const { status, body } = await batch(
      Array.from({ length: 20 }, (_, i) => ({
        id: String(i),
        method: 'GET',
        url: `/users?$top=1`,
      })),
    );
    expect(status).toBe(200);
    expect(body.responses.every((r) => r.status === 200)).toBe(true);
  });

  it('does not mailbox-throttle org-chart reads', async () => {
    const { body } = await batch(
      Array.from({ length: 12 }, (_, i) => ({
        id: String(i),
        method: 'GET',
        url: `/users/${contoso.manager}/directReports`,
      })),
    );
    expect(body.responses.every((r) => r.status === 200)).toBe(true);
  });
});

describe('the sliding request window', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer(directory, {
      calendarLimits: { requestsPerWindow: 5, windowMs: 1_500 },
    });
  });
  afterAll(() => server.close());

  const getSchedule = (mailbox: string, mail: string) =>
    graphRequest<GraphErrorJson>(
      server,
      contoso.tenantId,
      'POST',
      `/users/${mailbox}/calendar/getSchedule`,
      {
        body: scheduleBody([mail], '2025-05-12T00:00:00', '2025-05-13T00:00:00'),
      },
    );

  it('answers 429 with Retry-After once a mailbox used its window, per mailbox, until it slides', async () => {
    const [a, b] = mailboxes(server, 2);
    for (let i = 0; i < 5; i++) expect((await getSchedule(a.id, a.mail)).status).toBe(200);
    const over = await getSchedule(a.id, a.mail);
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('ApplicationThrottled');
    expect(['1', '2']).toContain(over.headers.get('retry-after'));
    // The same mailbox by UPN shares the limit; another mailbox has its own.
    expect((await getSchedule(a.mail, a.mail)).status).toBe(429);
    expect((await getSchedule(b.id, b.mail)).status).toBe(200);
    // Org-chart reads are not Outlook requests.
    expect((await graphRequest(server, contoso.tenantId, 'GET', `/users/${a.id}`)).status).toBe(
      200,
    );

    await new Promise((resolve) =>
      setTimeout(resolve, Number(over.headers.get('retry-after')) * 1000),
    );
    expect((await getSchedule(a.id, a.mail)).status).toBe(200);
  });
});

/** Statuses of five concurrent getSchedule calls to one mailbox, then one to another mailbox. */
async function fiveToOneMailboxOneToAnother(server: SimulatorServer): Promise<number[]> {
  const [person, other] = mailboxes(server, 2);
  const call = (mailbox: string, mail: string) =>
    graphRequest(server, contoso.tenantId, 'POST', `/users/${mailbox}/calendar/getSchedule`, {
      body: scheduleBody([mail], '2025-05-12T00:00:00', '2025-05-13T00:00:00'),
    });
  const results = await Promise.all([
    ...Array.from({ length: 5 }, () => call(person.id, person.mail)),
    call(other.id, other.mail),
  ]);
  return results.map((r) => r.status);
}

describe('simulated latency', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer(directory, { calendarLimits: { latencyMs: 150 } });
  });
  afterAll(() => server.close());

  it('holds each request’s slot, so a fifth concurrent request to one mailbox is throttled', async () => {
    const started = Date.now();
    const statuses = await fiveToOneMailboxOneToAnother(server);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(statuses.slice(0, 5).sort()).toEqual([200, 200, 200, 200, 429]);
    expect(statuses[5]).toBe(200);
  });
});

describe('the latency model on top of the limits', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    // A degenerate log-normal (median = p99) draws the same 300 ms every time.
    server = await startSimulatorServer(directory, {
      latency: {
        ...DEFAULT_GRAPH_LATENCY,
        calendar: { medianMs: 300, p99Ms: 300 },
        directory: { medianMs: 1, p99Ms: 1 },
      },
    });
  });
  afterAll(() => server.close());

  it('holds the mailbox slot for the drawn service time, so a fifth concurrent request is throttled', async () => {
    const statuses = await fiveToOneMailboxOneToAnother(server);
    expect(statuses.slice(0, 5).sort()).toEqual([200, 200, 200, 200, 429]);
    expect(statuses[5]).toBe(200);
  });
});
