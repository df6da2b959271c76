import type { Client } from '@microsoft/microsoft-graph-client';
import type { ScheduleInformation } from '@microsoft/microsoft-graph-types';

import { createGraphClient } from '../../../../api/src/graph/graphClient';
import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import { graphRequest, scheduleBody } from './calendarKit';
import type { GraphErrorJson } from './calendarKit';
import { startSimulatorServer } from './simulatorServer';
import type { SimulatorServer } from './simulatorServer';

/** getSchedule over a real socket, mostly through the Graph SDK the app uses. */

const { contoso, fabrikam } = DEMO;

let server: SimulatorServer;
let graph: Client;
let mail: (userId: string) => string;

beforeAll(async () => {
  server = await startSimulatorServer(buildDemoDirectory(new Date('2025-05-14T10:00:00Z')));
  graph = createGraphClient({
    baseUrl: server.graphBaseUrl,
    getAccessToken: () => server.issuer.mintAppToken(contoso.tenantId),
    maxRetries: 0,
  });
  mail = (userId) => {
    const user = server.store.getUser(contoso.tenantId, userId);
    if (!user?.mail) throw new Error(`demo user ${userId} has no mail`);
    return user.mail;
  };
});
afterAll(() => server.close());

type Schedules = { value: ScheduleInformation[] };

async function failure(
  call: Promise<unknown>,
): Promise<{ statusCode: number; code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    return error as { statusCode: number; code: string; message: string };
  }
  throw new Error('expected the Graph call to fail');
}

describe('getSchedule', () => {
  it('returns working hours, busy items and an availability view per person', async () => {
    const result = (await graph
      .api(`/users/${contoso.manager}/calendar/getSchedule`)
      .post(
        scheduleBody(
          [mail(contoso.manager), mail(contoso.employee)],
          '2025-05-12T00:00:00',
          '2025-05-13T00:00:00',
          60,
        ),
      )) as Schedules;

    expect(result.value.map((s) => s.scheduleId)).toEqual([
      'tobias.becker@contoso.example',
      'nia.adeyemi@contoso.example',
    ]);
    const [manager, employee] = result.value;
    expect(manager.workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '09:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { name: 'Europe/Berlin' },
    });
    expect(manager.scheduleItems).toContainEqual({
      isPrivate: false,
      status: 'busy',
      subject: 'Focus time',
      location: '',
      start: { dateTime: '2025-05-12T08:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2025-05-12T10:00:00.0000000', timeZone: 'UTC' },
    });
    // One digit per hour of the day: focus time 08–10 UTC, their 1:1 at 13:00 UTC.
    expect(manager.availabilityView).toHaveLength(24);
    expect(manager.availabilityView?.slice(7, 11)).toBe('0220');
    expect(employee.availabilityView?.[13]).toBe('2');
    expect(employee.availabilityView?.[20]).toBe('0');
  });

  it('answers in the zone asked for with Prefer: outlook.timezone, and says so', async () => {
    const { status, headers, body } = await graphRequest<Schedules>(
      server,
      contoso.tenantId,
      'POST',
      `/users/${contoso.manager}/calendar/getSchedule`,
      {
        body: scheduleBody([mail(contoso.manager)], '2025-05-12T00:00:00', '2025-05-13T00:00:00'),
        headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' },
      },
    );
    expect(status).toBe(200);
    expect(headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');
    expect(body.value[0].scheduleItems?.[0].start).toEqual({
      dateTime: '2025-05-12T01:00:00.0000000',
      timeZone: 'Pacific Standard Time',
    });
  });

  it('reads a window given in another zone, and Outlook-style capitalised parameters', async () => {
    const result = (await graph.api(`/users/${contoso.employee}/calendar/getSchedule`).post({
      Schedules: [mail(contoso.employee)],
      StartTime: { dateTime: '2025-05-12T10:00:00', timeZone: 'W. Europe Standard Time' },
      EndTime: { dateTime: '2025-05-12T12:00:00', timeZone: 'W. Europe Standard Time' },
      availabilityViewInterval: '30',
    })) as Schedules;
    // 10:00–12:00 Berlin is 08:00–10:00 UTC: the focus block.
    expect(result.value[0].availabilityView).toBe('2222');
  });

  it('reports people it cannot resolve in their entry, not as a failed request', async () => {
    const noMailbox = server.store.getUser(contoso.tenantId, contoso.noMailbox);
    const result = (await graph
      .api(`/users/${contoso.manager}/calendar/getSchedule`)
      .post(
        scheduleBody(
          ['nobody@contoso.example', noMailbox?.userPrincipalName ?? '', mail(contoso.employee)],
          '2025-05-12T00:00:00',
          '2025-05-12T12:00:00',
        ),
      )) as Schedules;
    expect(result.value[0]).toEqual({
      scheduleId: 'nobody@contoso.example',
      error: {
        message:
          'Unable to resolve e-mail address nobody@contoso.example to an Active Directory object.',
        responseCode: '5009',
      },
    });
    expect(result.value[1].error?.responseCode).toBe('ErrorMailRecipientNotFound');
    expect(result.value[2].availabilityView).toHaveLength(24);
  });

  it('keeps tenants apart: another tenant’s people are unknown addresses', async () => {
    const { body } = await graphRequest<Schedules>(
      server,
      fabrikam.tenantId,
      'POST',
      `/users/${fabrikam.manager}/calendar/getSchedule`,
      {
        body: scheduleBody([mail(contoso.employee)], '2025-05-12T00:00:00', '2025-05-12T12:00:00'),
      },
    );
    expect(body.value[0].error?.responseCode).toBe('5009');
    const foreignMailbox = await graphRequest<GraphErrorJson>(
      server,
      fabrikam.tenantId,
      'POST',
      `/users/${contoso.manager}/calendar/getSchedule`,
      {
        body: scheduleBody([mail(contoso.employee)], '2025-05-12T00:00:00', '2025-05-12T12:00:00'),
      },
    );
    expect(foreignMailbox.status).toBe(404);
    expect(foreignMailbox.body.error.code).toBe('ErrorInvalidUser');
  });

  it('accepts 20 schedules and refuses 21', async () => {
    const team = server.store
      .directReports(contoso.tenantId, contoso.bigTeamManager)
      .map((u) => u.mail ?? u.userPrincipalName);
    expect(team.length).toBeGreaterThanOrEqual(21);
    const path = `/users/${contoso.bigTeamManager}/calendar/getSchedule`;
    const twenty = (await graph
      .api(path)
      .post(
        scheduleBody(team.slice(0, 20), '2025-05-12T00:00:00', '2025-05-19T00:00:00'),
      )) as Schedules;
    expect(twenty.value).toHaveLength(20);

    const error = await failure(
      graph
        .api(path)
        .post(scheduleBody(team.slice(0, 21), '2025-05-12T00:00:00', '2025-05-19T00:00:00')),
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('ErrorMailboxDataArrayTooBig');
    expect(error.message).toContain('The allowed size = 20; the actual size = 21.');
  });

  it('accepts a 62-day window and refuses a longer one or an inverted one', async () => {
    const path = `/users/${contoso.manager}/calendar/getSchedule`;
    const schedules = [mail(contoso.manager)];
    const ok = (await graph
      .api(path)
      .post(
        scheduleBody(schedules, '2025-04-01T00:00:00', '2025-06-02T00:00:00', 1440),
      )) as Schedules;
    expect(ok.value[0].availabilityView).toHaveLength(62);

    const tooLong = await failure(
      graph.api(path).post(scheduleBody(schedules, '2025-04-01T00:00:00', '2025-06-02T00:30:00')),
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.code).toBe('ErrorTimeIntervalTooBig');
    expect(tooLong.message).toContain('The allowed limit = 62 days; the actual limit = 63 days.');

    const inverted = await failure(
      graph.api(path).post(scheduleBody(schedules, '2025-05-02T00:00:00', '2025-05-01T00:00:00')),
    );
    expect(inverted.code).toBe('ErrorInvalidTimeInterval');
  });

  it.each([
    ['an interval below 5 minutes', { availabilityViewInterval: 4 }, 'ErrorInvalidRequest'],
    ['an interval above a day', { availabilityViewInterval: 1441 }, 'ErrorInvalidRequest'],
    ['no schedules', { schedules: [] }, 'ErrorInvalidRequest'],
    [
      'an unknown zone',
      { startTime: { dateTime: '2025-05-12T00:00:00', timeZone: 'Mars' } },
      'TimeZoneNotSupportedException',
    ],
    ['a property getSchedule does not have', { surprise: true }, 'RequestBodyRead'],
  ])('refuses %s with 400', async (_name, change, code) => {
    const { status, body } = await graphRequest<GraphErrorJson>(
      server,
      contoso.tenantId,
      'POST',
      `/users/${contoso.manager}/calendar/getSchedule`,
      {
        body: {
          ...scheduleBody([mail(contoso.manager)], '2025-05-12T00:00:00', '2025-05-13T00:00:00'),
          ...change,
        },
      },
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
  });

  it('answers 404 for a mailbox that does not exist or has no mailbox', async () => {
    const unknown = await failure(
      graph
        .api('/users/nobody@contoso.example/calendar/getSchedule')
        .post(scheduleBody([mail(contoso.manager)], '2025-05-12T00:00:00', '2025-05-13T00:00:00')),
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.code).toBe('ErrorInvalidUser');
    const noMailbox = await failure(
      graph
        .api(`/users/${contoso.noMailbox}/calendar/getSchedule`)
        .post(scheduleBody([mail(contoso.manager)], '2025-05-12T00:00:00', '2025-05-13T00:00:00')),
    );
    expect(noMailbox.code).toBe('MailboxNotEnabledForRESTAPI');
  });
});
