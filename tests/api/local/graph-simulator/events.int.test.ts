import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';

import { createGraphClient } from '../../../../api/src/graph/graphClient';
import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import { devRequest, eventBody, graphRequest, scheduleBody } from './calendarKit';
import type { DevEvent, GraphErrorJson } from './calendarKit';
import { startSimulatorServer } from './simulatorServer';
import type { SimulatorServer } from './simulatorServer';

/**
 * Events over a real socket: creation, transactionId, reading either person's copy, updates,
 * cancellation, calendarView, and the dev controls that play the people in Outlook.
 */

const { contoso, fabrikam } = DEMO;
const TOBIAS = 'tobias.becker@contoso.example';
const NIA = 'nia.adeyemi@contoso.example';
const MATEO = 'mateo.rossi@contoso.example';

let server: SimulatorServer;
let graph: Client;

beforeAll(async () => {
  server = await startSimulatorServer(buildDemoDirectory(new Date('2025-05-14T10:00:00Z')));
  graph = createGraphClient({
    baseUrl: server.graphBaseUrl,
    getAccessToken: () => server.issuer.mintAppToken(contoso.tenantId),
    maxRetries: 0,
  });
});
afterAll(() => server.close());

/**
 * Each booking gets its own half hour of a Saturday, when the demo calendars are empty, so tests
 * do not see each other's events (or the demo meetings).
 */
let slot = 0;
function nextSlot(): { start: string; end: string; day: string } {
  const start = new Date(Date.UTC(2025, 4, 24, 0, 0) + slot++ * 1_800_000);
  const end = new Date(start.getTime() + 1_800_000);
  const plain = (d: Date) => d.toISOString().slice(0, 19);
  return { start: plain(start), end: plain(end), day: start.toISOString().slice(0, 10) };
}

const createEvent = (organizer: string, body: unknown) =>
  graph.api(`/users/${organizer}/events`).post(body) as Promise<Event>;

const getEvent = (mailbox: string, id: string) =>
  graph.api(`/users/${mailbox}/events/${encodeURIComponent(id)}`).get() as Promise<Event>;

async function failure(call: Promise<unknown>): Promise<{ statusCode: number; code: string }> {
  try {
    await call;
  } catch (error) {
    return error as { statusCode: number; code: string };
  }
  throw new Error('expected the Graph call to fail');
}

async function availability(mailbox: string, people: string[], start: string, end: string) {
  const result = (await graph
    .api(`/users/${mailbox}/calendar/getSchedule`)
    .post(scheduleBody(people, start, end, 30))) as { value: ScheduleInformation[] };
  return result.value.map((s) => s.availabilityView);
}

async function devEvents(): Promise<DevEvent[]> {
  return (await devRequest<DevEvent[]>(server, 'GET', '/dev/calendar-events')).body;
}

describe('creating an event', () => {
  it('returns the event as Graph does, with a Teams link and unanswered attendees', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(
      contoso.manager,
      eventBody(NIA, start, end, { transactionId: 'txn-shape' }),
    );
    expect(created).toMatchObject({
      subject: 'Career conversation',
      // Exchange appends the Teams meeting blob to an online meeting's body.
      bodyPreview: expect.stringMatching(
        /^Agenda: your board & next steps .*Microsoft Teams meeting/,
      ),
      start: { dateTime: `${start}.0000000`, timeZone: 'UTC' },
      end: { dateTime: `${end}.0000000`, timeZone: 'UTC' },
      organizer: { emailAddress: { address: TOBIAS, name: 'Tobias Becker' } },
      attendees: [
        {
          type: 'required',
          status: { response: 'none', time: '0001-01-01T00:00:00Z' },
          emailAddress: { address: NIA, name: 'Attendee' },
        },
      ],
      isCancelled: false,
      isOrganizer: true,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'txn-shape',
      responseStatus: { response: 'organizer' },
    });
    expect(created.id).toEqual(expect.any(String));
    expect(created.iCalUId).toMatch(/^040000008200E00074C5B7101A82E008/);
    expect(created.createdDateTime).toEqual(expect.any(String));
    expect(created.onlineMeeting?.joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//,
    );
    expect(created.webLink).toContain(encodeURIComponent(created.id ?? ''));
  });

  it('makes both people busy in getSchedule: the organizer busy, the invitee tentative until they accept', async () => {
    const { start, end } = nextSlot();
    const [before] = await availability(contoso.manager, [TOBIAS], start, end);
    expect(before).toBe('0');
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    expect(await availability(contoso.manager, [TOBIAS, NIA], start, end)).toEqual(['2', '1']);

    // Nia accepts from her own mailbox; her time is then busy too.
    await graph.api(`/users/${NIA}/events/${encodeURIComponent(created.id ?? '')}/accept`).post({});
    expect(await availability(contoso.manager, [TOBIAS, NIA], start, end)).toEqual(['2', '2']);
    expect(
      (await getEvent(contoso.manager, created.id ?? '')).attendees?.[0].status?.response,
    ).toBe('accepted');
  });

  it('never creates a second event for a transactionId the organizer’s calendar already has', async () => {
    const { start, end } = nextSlot();
    const body = eventBody(NIA, start, end, { transactionId: 'txn-duplicate' });
    const first = await createEvent(contoso.manager, body);
    const raw = await graphRequest<Event>(
      server,
      contoso.tenantId,
      'POST',
      `/users/${TOBIAS}/events`,
      {
        body: { ...body, subject: 'A retry with a changed subject' },
      },
    );
    expect(raw.status).toBe(201);
    expect(raw.body.id).toBe(first.id);
    expect(raw.body.subject).toBe('Career conversation');
    expect((await devEvents()).filter((e) => e.transactionId === 'txn-duplicate')).toHaveLength(1);

    // The same transactionId on another organizer's calendar is another event.
    const other = await createEvent(contoso.peer, body);
    expect(other.id).not.toBe(first.id);
    expect((await devEvents()).filter((e) => e.transactionId === 'txn-duplicate')).toHaveLength(2);
  });

  it.each([
    [
      'an end before the start',
      { end: { dateTime: '2025-05-19T00:00:00', timeZone: 'UTC' } },
      'ErrorCalendarEndDateIsEarlierThanStartDate',
    ],
    ['no start', { start: undefined }, 'ErrorInvalidRequest'],
    [
      'an attendee without an address',
      { attendees: [{ emailAddress: { address: 'nia' } }] },
      'ErrorInvalidRequest',
    ],
    ['an unknown property', { colour: 'blue' }, 'RequestBodyRead'],
    [
      'an unknown zone',
      { start: { dateTime: '2025-05-20T10:00:00', timeZone: 'Atlantis' } },
      'TimeZoneNotSupportedException',
    ],
  ])('refuses %s with 400 and creates nothing', async (_name, change, code) => {
    const { start, end } = nextSlot();
    const before = (await devEvents()).length;
    const { status, body } = await graphRequest<GraphErrorJson>(
      server,
      contoso.tenantId,
      'POST',
      `/users/${contoso.manager}/events`,
      { body: { ...eventBody(NIA, start, end), ...change } },
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
    expect(await devEvents()).toHaveLength(before);
  });
});

describe('reading, updating and deleting', () => {
  it('shows the attendee their own copy, and nobody else any copy', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    const copy = await getEvent(NIA, created.id ?? '');
    expect(copy).toMatchObject({
      id: created.id,
      isOrganizer: false,
      responseStatus: { response: 'notResponded' },
      showAs: 'tentative',
    });
    const stranger = await failure(getEvent(MATEO, created.id ?? ''));
    expect(stranger).toMatchObject({ statusCode: 404, code: 'ErrorItemNotFound' });
    const otherTenant = await graphRequest<GraphErrorJson>(
      server,
      fabrikam.tenantId,
      'GET',
      `/users/${fabrikam.manager}/events/${encodeURIComponent(created.id ?? '')}`,
    );
    expect(otherTenant.status).toBe(404);
  });

  it('honours $select and Prefer: outlook.timezone on GET', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    const { body, headers } = await graphRequest<Event>(
      server,
      contoso.tenantId,
      'GET',
      `/users/${TOBIAS}/events/${encodeURIComponent(created.id ?? '')}?$select=start,subject`,
      { headers: { Prefer: 'outlook.timezone="Asia/Kolkata"' } },
    );
    expect(Object.keys(body).sort()).toEqual(
      ['@odata.context', '@odata.etag', 'id', 'start', 'subject'].sort(),
    );
    expect(body.start?.timeZone).toBe('Asia/Kolkata');
    expect(headers.get('preference-applied')).toBe('outlook.timezone="Asia/Kolkata"');
  });

  it('lets the organizer move the meeting, which asks the attendees again', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    await graph.api(`/users/${NIA}/events/${encodeURIComponent(created.id ?? '')}/accept`).post({});
    const later = nextSlot();
    const moved = (await graph
      .api(`/users/${contoso.manager}/events/${encodeURIComponent(created.id ?? '')}`)
      .patch({
        subject: 'Career conversation (moved)',
        start: { dateTime: later.start, timeZone: 'UTC' },
        end: { dateTime: later.end, timeZone: 'UTC' },
      })) as Event;
    expect(moved.subject).toBe('Career conversation (moved)');
    expect(moved.start?.dateTime).toBe(`${later.start}.0000000`);
    expect(moved.attendees?.[0].status?.response).toBe('none');

    const attendeePatch = await failure(
      graph
        .api(`/users/${NIA}/events/${encodeURIComponent(created.id ?? '')}`)
        .patch({ subject: 'x' }),
    );
    expect(attendeePatch.statusCode).toBe(400);
    const newTransaction = await failure(
      graph
        .api(`/users/${contoso.manager}/events/${encodeURIComponent(created.id ?? '')}`)
        .patch({ transactionId: 'another' }),
    );
    expect(newTransaction.statusCode).toBe(400);
  });

  it('a body update by the organizer keeps the event and sends a meeting update, never a new invite', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(
      contoso.manager,
      eventBody(NIA, start, end, { transactionId: 'txn-body' }),
    );
    const joinUrl = created.onlineMeeting?.joinUrl ?? '';
    expect(created.body?.content).toContain(joinUrl);
    const path = `/users/${contoso.manager}/events/${encodeURIComponent(created.id ?? '')}`;
    const kept = (await graph.api(path).patch({
      body: { contentType: 'html', content: `<p>New agenda</p>${created.body?.content ?? ''}` },
    })) as Event;
    expect(kept).toMatchObject({
      id: created.id,
      transactionId: 'txn-body',
      isOnlineMeeting: true,
      onlineMeeting: { joinUrl },
    });
    let listed = (await devEvents()).find((e) => e.id === created.id)!;
    expect(listed.sent).toEqual({ requests: 1, updates: 1, cancellations: 0 });

    // Dropping the meeting blob disables the online meeting (Graph's event-update page).
    const dropped = (await graph.api(path).patch({
      body: { contentType: 'html', content: '<p>Only an agenda</p>' },
    })) as Event;
    expect(dropped).toMatchObject({ id: created.id, isOnlineMeeting: false, onlineMeeting: null });
    listed = (await devEvents()).find((e) => e.id === created.id)!;
    expect(listed.sent).toEqual({ requests: 1, updates: 2, cancellations: 0 });
  });

  it('on the organizer’s DELETE: 404 for the organizer, a cancelled copy for the attendee, free time for both', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    await graph
      .api(`/users/${contoso.manager}/events/${encodeURIComponent(created.id ?? '')}`)
      .delete();

    const gone = await failure(getEvent(contoso.manager, created.id ?? ''));
    expect(gone).toMatchObject({ statusCode: 404, code: 'ErrorItemNotFound' });
    const copy = await getEvent(NIA, created.id ?? '');
    expect(copy).toMatchObject({
      isCancelled: true,
      subject: 'Canceled: Career conversation',
      showAs: 'free',
    });
    expect(await availability(contoso.manager, [TOBIAS, NIA], start, end)).toEqual(['0', '0']);
    const again = await failure(
      graph
        .api(`/users/${contoso.manager}/events/${encodeURIComponent(created.id ?? '')}`)
        .delete(),
    );
    expect(again.statusCode).toBe(404);
  });

  it('lets only the organizer use cancel, answering 202', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    const path = (mailbox: string) =>
      `/users/${mailbox}/events/${encodeURIComponent(created.id ?? '')}/cancel`;
    const byAttendee = await graphRequest<GraphErrorJson>(
      server,
      contoso.tenantId,
      'POST',
      path(NIA),
      {
        body: { comment: 'no' },
      },
    );
    expect(byAttendee.status).toBe(400);
    expect(byAttendee.body.error.message).toContain(
      'You need to be an organizer to cancel a meeting',
    );
    const byOrganizer = await graphRequest(server, contoso.tenantId, 'POST', path(TOBIAS), {
      body: { comment: 'Rescheduling' },
    });
    expect(byOrganizer.status).toBe(202);
    expect((await getEvent(NIA, created.id ?? '')).isCancelled).toBe(true);
  });
});

describe('calendarView', () => {
  it('pages through the events a person organizes or attends, and leaves out declined ones', async () => {
    const first = nextSlot();
    const a = await createEvent(contoso.manager, eventBody(NIA, first.start, first.end));
    const second = nextSlot();
    const b = await createEvent(contoso.peer, eventBody(TOBIAS, second.start, second.end));
    const third = nextSlot();
    const c = await createEvent(contoso.peer, eventBody(TOBIAS, third.start, third.end));
    await graph.api(`/users/${TOBIAS}/events/${encodeURIComponent(c.id ?? '')}/decline`).post({});

    const window = { startDateTime: `${first.start}Z`, endDateTime: `${third.end}Z` };
    const page1 = (await graph
      .api(`/users/${contoso.manager}/calendarView`)
      .query(window)
      .top(1)
      .get()) as { value: Event[]; '@odata.nextLink'?: string };
    expect(page1.value.map((e) => e.id)).toEqual([a.id]);
    expect(page1['@odata.nextLink']).toContain('$skip=1');
    const page2 = (await graph.api(page1['@odata.nextLink'] ?? '').get()) as {
      value: Event[];
      '@odata.nextLink'?: string;
    };
    expect(page2.value.map((e) => e.id)).toEqual([b.id]);
    expect(page2.value[0].isOrganizer).toBe(false);
    expect(page2['@odata.nextLink']).toBeUndefined();
  });

  it('needs both ends of the window', async () => {
    const { status, body } = await graphRequest<GraphErrorJson>(
      server,
      contoso.tenantId,
      'GET',
      `/users/${TOBIAS}/calendarView?startDateTime=2025-05-20T00:00:00Z`,
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('ErrorInvalidParameter');
  });
});

describe('dev controls', () => {
  it('list every event with its people and state', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(
      contoso.manager,
      eventBody(NIA, start, end, { transactionId: 'txn-dev-list' }),
    );
    const listed = (await devEvents()).find((e) => e.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      tenantId: contoso.tenantId,
      organizer: { id: contoso.manager, mail: TOBIAS },
      attendees: [{ id: contoso.employee, mail: NIA, response: 'none' }],
      start: `${start}.000Z`,
      end: `${end}.000Z`,
      subject: 'Career conversation',
      isCancelled: false,
      transactionId: 'txn-dev-list',
      isOnlineMeeting: true,
      joinUrl: created.onlineMeeting?.joinUrl,
      sent: { requests: 1, updates: 0, cancellations: 0 },
    });
  });

  it('decline as the attendee: the organizer sees it and the attendee’s time is free again', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    const response = await devRequest<DevEvent>(
      server,
      'POST',
      `/dev/calendar-events/${encodeURIComponent(created.id ?? '')}/respond`,
      { attendeeId: contoso.employee, response: 'declined' },
    );
    expect(response.status).toBe(200);
    expect(response.body.attendees[0].response).toBe('declined');
    const seen = await getEvent(contoso.manager, created.id ?? '');
    expect(seen.attendees?.[0].status?.response).toBe('declined');
    expect(seen.attendees?.[0].status?.time).not.toBe('0001-01-01T00:00:00Z');
    expect(await availability(contoso.manager, [TOBIAS, NIA], start, end)).toEqual(['2', '0']);
  });

  it('cancel as the organizer (from Outlook): gone for them, cancelled for the attendee', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    const cancel = await devRequest<DevEvent>(
      server,
      'POST',
      `/dev/calendar-events/${encodeURIComponent(created.id ?? '')}/cancel`,
    );
    expect(cancel.body.isCancelled).toBe(true);
    expect((await failure(getEvent(contoso.manager, created.id ?? ''))).statusCode).toBe(404);
    expect((await getEvent(NIA, created.id ?? '')).isCancelled).toBe(true);
  });

  it('move: the new time shows in GET and the attendee is asked again', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    await devRequest(
      server,
      'POST',
      `/dev/calendar-events/${encodeURIComponent(created.id ?? '')}/respond`,
      {
        attendeeId: contoso.employee,
        response: 'accepted',
      },
    );
    const moved = await devRequest<DevEvent>(
      server,
      'POST',
      `/dev/calendar-events/${encodeURIComponent(created.id ?? '')}/move`,
      { start: '2025-06-02T09:00:00+02:00', end: '2025-06-02T09:45:00+02:00' },
    );
    expect(moved.status).toBe(200);
    const seen = await getEvent(contoso.manager, created.id ?? '');
    expect(seen.start?.dateTime).toBe('2025-06-02T07:00:00.0000000');
    expect(seen.end?.dateTime).toBe('2025-06-02T07:45:00.0000000');
    expect(seen.attendees?.[0].status?.response).toBe('none');
  });

  it('refuse unknown events, non-attendees, bad bodies and wrong methods', async () => {
    const { start, end } = nextSlot();
    const created = await createEvent(contoso.manager, eventBody(NIA, start, end));
    const base = `/dev/calendar-events/${encodeURIComponent(created.id ?? '')}`;
    expect((await devRequest(server, 'POST', '/dev/calendar-events/nope/cancel')).status).toBe(404);
    const notAttendee = await devRequest<{ errors: { path: string }[] }>(
      server,
      'POST',
      `${base}/respond`,
      {
        attendeeId: contoso.peer,
        response: 'accepted',
      },
    );
    expect(notAttendee.status).toBe(400);
    expect(notAttendee.body.errors[0].path).toBe('attendeeId');
    expect(
      (
        await devRequest(server, 'POST', `${base}/respond`, {
          attendeeId: contoso.employee,
          response: 'maybe',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await devRequest(server, 'POST', `${base}/move`, {
          start: '2025-06-02T10:00:00Z',
          end: '2025-06-02T09:00:00Z',
        })
      ).status,
    ).toBe(400);
    expect(
      (await devRequest(server, 'POST', `${base}/move`, { start: 'tomorrow', end: 'later' }))
        .status,
    ).toBe(400);
    expect((await devRequest(server, 'GET', `${base}/cancel`)).status).toBe(405);
    expect((await devRequest(server, 'DELETE', '/dev/calendar-events')).status).toBe(405);
  });
});
