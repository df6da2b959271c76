import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';

import { createGraphClient } from '../../../../api/src/graph/graphClient';
import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import type { GraphStatsSnapshot } from '../../../../api/src/local/graph-simulator/graphStats';
import { devRequest, eventBody, graphRequest, scheduleBody } from './calendarKit';
import type { DevEvent, GraphErrorJson } from './calendarKit';
import { startSimulatorServer } from './simulatorServer';
import type { SimulatorServer } from './simulatorServer';

/** Fault injection through `/dev/graph-faults`, seen by raw requests and by the Graph SDK. */

const { contoso } = DEMO;
const NIA = 'nia.adeyemi@contoso.example';

let server: SimulatorServer;
beforeAll(async () => {
  server = await startSimulatorServer(buildDemoDirectory(new Date('2025-05-14T10:00:00Z')));
});
afterAll(() => server.close());
afterEach(() => devRequest(server, 'DELETE', '/dev/graph-faults'));

const setFaults = (config: Record<string, unknown>) =>
  devRequest(server, 'PUT', '/dev/graph-faults', config);

const getSchedule = () =>
  graphRequest<GraphErrorJson>(
    server,
    contoso.tenantId,
    'POST',
    `/users/${contoso.manager}/calendar/getSchedule`,
    {
      body: scheduleBody([NIA], '2025-05-12T00:00:00', '2025-05-13T00:00:00'),
    },
  );

const createEvent = (transactionId: string, hour: number) =>
  graphRequest<Event & GraphErrorJson>(
    server,
    contoso.tenantId,
    'POST',
    `/users/${contoso.manager}/events`,
    {
      body: eventBody(
        NIA,
        `2025-05-25T${String(hour).padStart(2, '0')}:00:00`,
        `2025-05-25T${String(hour).padStart(2, '0')}:30:00`,
        { transactionId },
      ),
    },
  );

const eventsWith = async (transactionId: string) =>
  (await devRequest<DevEvent[]>(server, 'GET', '/dev/calendar-events')).body.filter(
    (e) => e.transactionId === transactionId,
  );

describe('fault injection', () => {
  it('fails the same requests in the same way for the same seed', async () => {
    const run = async () => {
      const settings = { failureRate: 0.5, statuses: [429, 503, 504], seed: 2024 };
      // Raw fetch does not wait, so a visible Retry-After costs nothing here.
      expect((await setFaults({ ...settings, retryAfterSeconds: 1 })).status).toBe(200);
      const results = [];
      for (let i = 0; i < 24; i++) {
        const { status, headers } = await getSchedule();
        results.push(`${status}:${headers.get('retry-after') ?? '-'}`);
      }
      return results;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.some((r) => r.startsWith('200'))).toBe(true);
    expect(first.some((r) => !r.startsWith('200'))).toBe(true);
    for (const result of first) {
      if (result.startsWith('429') || result.startsWith('503'))
        expect(result.endsWith(':1')).toBe(true);
      if (result.startsWith('504')) expect(result).toBe('504:-');
    }
  });

  it('fails an event creation before it has any effect', async () => {
    await setFaults({ failureRate: 1, statuses: [503] });
    const failed = await createEvent('txn-fault-before', 1);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('0');
    expect(failed.headers.get('x-simulator-fault')).toBe('before-effect');
    expect(failed.body.error.code).toBe('ServiceUnavailable');
    expect(await eventsWith('txn-fault-before')).toHaveLength(0);

    await devRequest(server, 'DELETE', '/dev/graph-faults');
    expect((await createEvent('txn-fault-before', 1)).status).toBe(201);
    expect(await eventsWith('txn-fault-before')).toHaveLength(1);
  });

  it('with afterEffectRate, creates the event and then answers 504; a retry finds it by transactionId', async () => {
    await setFaults({ failureRate: 1, statuses: [503], afterEffectRate: 1 });
    const timedOut = await createEvent('txn-after-effect', 2);
    expect(timedOut.status).toBe(504);
    expect(timedOut.headers.get('x-simulator-fault')).toBe('after-effect');
    const [booked] = await eventsWith('txn-after-effect');
    expect(booked).toBeDefined();

    await devRequest(server, 'DELETE', '/dev/graph-faults');
    const retried = await createEvent('txn-after-effect', 2);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(booked.id);
    expect(await eventsWith('txn-after-effect')).toHaveLength(1);
  });

  it('fails batch items one by one while the batch itself succeeds', async () => {
    await setFaults({ failureRate: 1, statuses: [503] });
    const { status, body } = await graphRequest<{
      responses: { status: number; headers: Record<string, string> }[];
    }>(server, contoso.tenantId, 'POST', '/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: `/users/${contoso.manager}` },
          { id: '2', method: 'GET', url: `/users/${contoso.employee}/mailboxSettings` },
        ],
      },
    });
    expect(status).toBe(200);
    expect(body.responses.map((r) => r.status)).toEqual([503, 503]);
    expect(body.responses[0].headers['Retry-After']).toBe('0');
  });

  it('can be limited to mailbox requests', async () => {
    await setFaults({ failureRate: 1, statuses: [500], scope: 'mailbox' });
    expect(
      (await graphRequest(server, contoso.tenantId, 'GET', `/users/${contoso.manager}`)).status,
    ).toBe(200);
    expect((await getSchedule()).status).toBe(500);
  });

  it('is retried away by the Graph SDK’s retry handler, as in production', async () => {
    await setFaults({ failureRate: 0.5, statuses: [503], seed: 11 });
    await devRequest(server, 'DELETE', '/dev/graph-stats');
    const graph = createGraphClient({
      baseUrl: server.graphBaseUrl,
      getAccessToken: () => server.issuer.mintAppToken(contoso.tenantId),
      maxRetries: 5,
    });
    for (let i = 0; i < 5; i++) {
      const result = (await graph
        .api(`/users/${contoso.manager}/calendar/getSchedule`)
        .post(scheduleBody([NIA], '2025-05-12T00:00:00', '2025-05-13T00:00:00'))) as {
        value: ScheduleInformation[];
      };
      expect(result.value[0].scheduleId).toBe(NIA);
    }
    const stats = (await devRequest<GraphStatsSnapshot>(server, 'GET', '/dev/graph-stats')).body;
    expect(stats.faulted).toBeGreaterThan(0);
    expect(stats.requests).toBe(5 + stats.faulted);
  });

  it('shows, replaces and clears the configuration, refusing bad input', async () => {
    const put = await setFaults({ failureRate: 0.25, statuses: [429] });
    expect(put.body).toEqual({
      failureRate: 0.25,
      statuses: [429],
      seed: 1,
      afterEffectRate: 0,
      retryAfterSeconds: 0,
      scope: 'all',
    });
    expect((await devRequest(server, 'GET', '/dev/graph-faults')).body).toEqual(put.body);
    const bad = await setFaults({ failureRate: 2, statuses: [200] });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'failureRate',
      'statuses.0',
    ]);
    expect((await devRequest(server, 'DELETE', '/dev/graph-faults')).status).toBe(204);
    expect((await devRequest(server, 'GET', '/dev/graph-faults')).body).toEqual({ failureRate: 0 });
    expect((await devRequest(server, 'POST', '/dev/graph-faults', {})).status).toBe(405);
  });
});
