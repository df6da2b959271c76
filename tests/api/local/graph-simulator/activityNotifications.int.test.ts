import { createActivityNotifier } from '../../../../api/src/graph/activityNotifier';
import { createGraphClient } from '../../../../api/src/graph/graphClient';
import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import type { SentActivityNotification } from '../../../../api/src/local/graph-simulator/activityFeed';
import { devRequest, graphRequest } from './calendarKit';
import type { GraphErrorJson } from './calendarKit';
import { startSimulatorServer } from './simulatorServer';
import type { SimulatorServer } from './simulatorServer';

/**
 * `POST /users/{id}/teamwork/sendActivityNotification` as Graph answers it, what
 * `/dev/activity-notifications` shows of it, and the failure modes tests use.
 */

const { contoso, fabrikam } = DEMO;
const WEB_URL = 'https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-00000000b0a4/board';

let server: SimulatorServer;
beforeAll(async () => {
  server = await startSimulatorServer(buildDemoDirectory(new Date('2025-05-14T10:00:00Z')));
});
afterAll(() => server.close());
afterEach(async () => {
  await devRequest(server, 'DELETE', '/dev/activity-notifications');
  await devRequest(server, 'DELETE', '/dev/activity-notifications/failure');
  await devRequest(server, 'DELETE', '/dev/graph-faults');
});

const booked = (extra: Record<string, unknown> = {}) => ({
  topic: { source: 'text', value: 'Career conversation with Tobias Becker', webUrl: WEB_URL },
  activityType: 'conversationBooked',
  previewText: { content: 'With Tobias Becker on Tuesday 20 May 2025 at 10:00 (Europe/Berlin).' },
  templateParameters: [{ name: 'when', value: 'Tuesday 20 May 2025 at 10:00 (Europe/Berlin)' }],
  chainId: 42,
  ...extra,
});

const send = (tenantId: string, userId: string, body: unknown) =>
  graphRequest<GraphErrorJson>(
    server,
    tenantId,
    'POST',
    `/users/${userId}/teamwork/sendActivityNotification`,
    { body },
  );

const sent = async () =>
  (await devRequest<SentActivityNotification[]>(server, 'GET', '/dev/activity-notifications')).body;

describe('sendActivityNotification', () => {
  it('answers 204 with no body and keeps what was sent, its template filled in', async () => {
    const result = await send(contoso.tenantId, contoso.employee, booked());
    expect(result.status).toBe(204);
    expect(result.body).toBeUndefined();
    expect(await sent()).toEqual([
      {
        tenantId: contoso.tenantId,
        recipientId: contoso.employee,
        activityType: 'conversationBooked',
        topic: {
          source: 'text',
          value: 'Career conversation with Tobias Becker',
          webUrl: WEB_URL,
        },
        previewText: 'With Tobias Becker on Tuesday 20 May 2025 at 10:00 (Europe/Berlin).',
        templateParameters: [
          { name: 'when', value: 'Tuesday 20 May 2025 at 10:00 (Europe/Berlin)' },
        ],
        chainId: 42,
        text: 'Your career conversation is booked for Tuesday 20 May 2025 at 10:00 (Europe/Berlin)',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it('refuses an activity type the manifest does not declare, with 400 and nothing kept', async () => {
    const result = await send(
      contoso.tenantId,
      contoso.employee,
      booked({ activityType: 'nudge' }),
    );
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({
      code: 'BadRequest',
      message: expect.stringContaining("'nudge' is not declared"),
    });
    expect(await sent()).toEqual([]);
  });

  it('accepts the type declared for new managers, naming the employee', async () => {
    const result = await send(contoso.tenantId, contoso.manager, {
      topic: { source: 'text', value: "Nia Adeyemi's Career Board", webUrl: WEB_URL },
      activityType: 'newDirectReport',
      previewText: { content: 'Nia Adeyemi now reports to you.' },
      templateParameters: [{ name: 'employee', value: 'Nia Adeyemi' }],
    });
    expect(result.status).toBe(204);
    expect((await sent()).map((n) => n.text)).toEqual([
      'Nia Adeyemi now reports to you: their Career Board moved with them',
    ]);
  });

  it('needs a webUrl for a text topic, the template’s parameters, and only known properties', async () => {
    const noLink = await send(contoso.tenantId, contoso.employee, {
      ...booked(),
      topic: { source: 'text', value: 'Career conversation' },
    });
    expect(noLink.status).toBe(400);
    expect(noLink.body.error.message).toContain('topic.webUrl is required');

    const noWhen = await send(
      contoso.tenantId,
      contoso.employee,
      booked({ templateParameters: [] }),
    );
    expect(noWhen.status).toBe(400);
    expect(noWhen.body.error.message).toContain("'when'");

    const extra = await send(contoso.tenantId, contoso.employee, booked({ recipient: 'x' }));
    expect(extra.status).toBe(400);

    const empty = await send(contoso.tenantId, contoso.employee, undefined);
    expect(empty.status).toBe(400);
    expect(await sent()).toEqual([]);
  });

  it('needs a bearer token, and sees only the caller’s tenant', async () => {
    const anonymous = await fetch(
      `${server.origin}/graph/v1.0/users/${contoso.employee}/teamwork/sendActivityNotification`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(booked()),
      },
    );
    expect(anonymous.status).toBe(401);
    const elsewhere = await send(fabrikam.tenantId, contoso.employee, booked());
    expect(elsewhere.status).toBe(404);
    expect(await sent()).toEqual([]);
  });

  it('keeps each tenant’s notifications apart', async () => {
    expect((await send(contoso.tenantId, contoso.employee, booked())).status).toBe(204);
    expect((await send(fabrikam.tenantId, fabrikam.employee, booked())).status).toBe(204);
    expect((await sent()).map((n) => [n.tenantId, n.recipientId])).toEqual([
      [contoso.tenantId, contoso.employee],
      [fabrikam.tenantId, fabrikam.employee],
    ]);
    expect((await devRequest(server, 'DELETE', '/dev/activity-notifications')).status).toBe(204);
    expect(await sent()).toEqual([]);
  });
});

describe('failing on purpose', () => {
  it('a failure mode answers 403 for the people named (the app is not installed for them) and keeps nothing for them', async () => {
    const set = await devRequest(server, 'PUT', '/dev/activity-notifications/failure', {
      status: 403,
      userIds: [contoso.employee.toUpperCase()],
    });
    expect(set.status).toBe(200);
    const refused = await send(contoso.tenantId, contoso.employee, booked());
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('Ensure that the expected Teams app is installed');
    expect((await send(contoso.tenantId, contoso.manager, booked())).status).toBe(204);
    expect((await sent()).map((n) => n.recipientId)).toEqual([contoso.manager]);

    expect((await devRequest(server, 'DELETE', '/dev/activity-notifications/failure')).status).toBe(
      204,
    );
    expect((await send(contoso.tenantId, contoso.employee, booked())).status).toBe(204);
  });

  it('a failure mode that names nobody in particular fails every send; a bad one is a 400 problem', async () => {
    await devRequest(server, 'PUT', '/dev/activity-notifications/failure', { status: 500 });
    expect((await send(contoso.tenantId, contoso.manager, booked())).status).toBe(500);
    const bad = await devRequest<{ errors: { path: string }[] }>(
      server,
      'PUT',
      '/dev/activity-notifications/failure',
      { status: 418 },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['status']);
  });

  it('/dev/graph-faults fails it like any other Graph request', async () => {
    await devRequest(server, 'PUT', '/dev/graph-faults', { failureRate: 1, statuses: [502] });
    expect((await send(contoso.tenantId, contoso.employee, booked())).status).toBe(502);
    expect(await sent()).toEqual([]);
  });
});

describe('the API’s notifier against it', () => {
  const notifier = () =>
    createActivityNotifier((tenantId) =>
      createGraphClient({
        baseUrl: server.graphBaseUrl,
        getAccessToken: () => server.issuer.mintAppToken(tenantId),
      }),
    );
  const notification = {
    recipientId: contoso.employee,
    activityType: 'aspirationAcknowledged' as const,
    topic: { value: 'Your Career Board', webUrl: WEB_URL },
    previewText: 'Tobias Becker acknowledged an aspiration on your board.',
    templateParameters: [],
    chainId: 7,
  };

  it('sends a notification Graph accepts', async () => {
    expect(await notifier().send(contoso.tenantId, notification)).toEqual({ sent: true });
    expect((await sent()).map((n) => [n.recipientId, n.activityType, n.text])).toEqual([
      [
        contoso.employee,
        'aspirationAcknowledged',
        'Your manager acknowledged an aspiration on your board',
      ],
    ]);
  });

  it('reports a refusal or an outage instead of throwing', async () => {
    await devRequest(server, 'PUT', '/dev/activity-notifications/failure', { status: 403 });
    expect(await notifier().send(contoso.tenantId, notification)).toEqual({
      sent: false,
      status: 403,
      reason: 'not-installed',
    });
    await devRequest(server, 'PUT', '/dev/activity-notifications/failure', { status: 503 });
    const before = server.requests.length;
    expect(await notifier().send(contoso.tenantId, notification)).toEqual({
      sent: false,
      status: 503,
      reason: 'unavailable',
    });
    // Retried by the client (Retry-After: 0) before it gives up.
    const attempts = server.requests
      .slice(before)
      .filter((r) => r.includes('/teamwork/sendActivityNotification'));
    expect(attempts.length).toBeGreaterThan(1);
    expect(await sent()).toEqual([]);
  });
});
