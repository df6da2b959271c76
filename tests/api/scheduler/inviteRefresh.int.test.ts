import { randomUUID } from 'node:crypto';

import type { AspirationView } from '../../../api/src/contract/boardContract';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import type { InviteRefreshSummary } from '../../../api/src/scheduler/refreshInvites';
import { addAspiration, readBoardAs } from '../../support/boardFixtures';
import { calendarEvents, careerConversations, runPass } from '../../support/calendarChecks';
import type { DevEvent } from '../../support/calendarChecks';
import { DAY, HOUR, NOW, startSchedulerStack } from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * The invite stays current until the meeting starts: board changes reach the organizer's event
 * body through the `refreshInvites` timer (or the daily pass), on the same event with the same
 * transactionId, as a meeting update and never a second invite (the Graph simulator counts the
 * messages), within the noise limits: at most one update a day, none in the last hour, and a
 * deletion at once whatever the limits.
 */

const { tenantId, employee: nia, manager: tobias } = DEMO.contoso;
const run = randomUUID().slice(0, 8);
const KEEP = `Kp${run}`;
const RENAMED = `Rn${run}`;
const GONE = `Gn${run}`;
const LATER = `Lt${run}`;
const LAST_HOUR = `Lh${run}`;
const ACTION = `Ac${run}`;

let stack: SchedulerStack;
beforeAll(async () => {
  stack = await startSchedulerStack(NOW);
});
afterAll(async () => {
  await stack.close();
});

async function refreshInvites(): Promise<InviteRefreshSummary> {
  const response = await fetch(
    `${stack.urls.api.replace(/\/api$/, '')}/admin/functions/refreshInvites`,
    { method: 'POST' },
  );
  if (!response.ok) throw new Error(`refreshInvites: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { summary: InviteRefreshSummary }).summary;
}

async function niaEvents(): Promise<DevEvent[]> {
  return (await calendarEvents(stack)).filter((e) => e.attendees.some((a) => a.id === nia));
}

/** The body as the organizer's calendar returns it over Graph. */
async function organizerBody(eventId: string): Promise<string> {
  const event = (await stack.services
    .graphFor(tenantId)
    .api(`/users/${tobias}/events/${encodeURIComponent(eventId)}`)
    .get()) as { body: { content: string } };
  return event.body.content;
}

/** Meeting updates sent beyond those before the test's first change (a move is one too). */
let baseUpdates = 0;
const updates = (n: number) => baseUpdates + n;

/**
 * The timeline below needs the meeting more than four days out. Whatever day the slot finder
 * chose, move it (as the organizer would in Outlook) a week later at the same time if it is
 * sooner, and let a pass record the move.
 */
async function meetingWellAhead(event: DevEvent): Promise<DevEvent> {
  if (Date.parse(event.start) > NOW.getTime() + 5 * DAY) return event;
  const shift = (iso: string) => new Date(Date.parse(iso) + 7 * DAY).toISOString();
  const moved = await fetch(
    `${stack.urls.dev}/dev/calendar-events/${encodeURIComponent(event.id)}/move`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ start: shift(event.start), end: shift(event.end) }),
    },
  );
  expect(moved.status).toBe(200);
  expect((await runPass(stack)).failed).toEqual({});
  return careerConversations(await niaEvents())[0];
}

async function rename(id: string, title: string): Promise<void> {
  const current = (await readBoardAs(stack, nia, nia)).aspirations.find((a) => a.id === id)!;
  const result = await stack.call<AspirationView>(`/boards/${nia}/aspirations/${id}`, {
    as: nia,
    method: 'PATCH',
    body: { title },
    headers: { 'If-Match': current.etag },
  });
  expect(result.status).toBe(200);
}

async function remove(id: string): Promise<void> {
  const current = (await readBoardAs(stack, nia, nia)).aspirations.find((a) => a.id === id)!;
  const result = await stack.call(`/boards/${nia}/aspirations/${id}`, {
    as: nia,
    method: 'DELETE',
    headers: { 'If-Match': current.etag },
  });
  expect(result.status).toBe(204);
}

it('rename and delete reach the same invite as one update; no second invite; deleted text gone', async () => {
  const kept = await addAspiration(stack, nia, { title: `${KEEP} lead the data platform` });
  const doomed = await addAspiration(stack, nia, {
    title: `${GONE} move to the competitor`,
    horizon: '1y',
  });
  expect((await runPass(stack)).failed).toEqual({});
  const booked = await meetingWellAhead(careerConversations(await niaEvents())[0]);
  expect(booked.organizer.id).toBe(tobias);
  expect(booked.sent).toMatchObject({ requests: 1, cancellations: 0 });
  baseUpdates = booked.sent.updates;
  const before = await organizerBody(booked.id);
  // The searches below can fail: before the changes, both titles are in the invite.
  expect(before).toContain(KEEP);
  expect(before).toContain(GONE);
  expect(before).toContain(booked.joinUrl!);
  // The time on both clocks, and the board through the Teams deep link the notifications use.
  expect(before).toMatch(/When: \w+day \d+ \w+ 2027 at \d\d:\d\d \(/);
  const link = /<a href="([^"]+)">Open [^<]*career board in Teams<\/a>/.exec(before)?.[1] ?? '';
  const url = new URL(link.replace(/&amp;/g, '&'));
  expect(url.origin + url.pathname).toMatch(
    /^https:\/\/teams\.microsoft\.com\/l\/entity\/[^/]+\/board$/,
  );
  expect(JSON.parse(url.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: nia });

  // The next day (past the daily limit), Nia renames one aspiration and deletes the other.
  stack.setNow(new Date(NOW.getTime() + DAY + HOUR));
  await rename(kept.id, `${RENAMED} lead the data platform`);
  await remove(doomed.id);

  const summary = await refreshInvites();
  expect(summary).toMatchObject({ boards: 1, replaced: 1, failed: 0 });
  const after = await organizerBody(booked.id);
  expect(after).toContain(RENAMED);
  expect(after).not.toContain(KEEP);
  expect(after).not.toContain(GONE);
  // The Teams meeting blob survives (Graph: removing it would disable the online meeting).
  expect(after).toContain(booked.joinUrl!);

  const events = await niaEvents();
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    id: booked.id,
    transactionId: booked.transactionId,
    isOnlineMeeting: true,
    joinUrl: booked.joinUrl,
    isCancelled: false,
    sent: { requests: 1, updates: updates(1), cancellations: 0 },
  });
  // Nothing more to do: a second run sends nothing.
  expect(await refreshInvites()).toMatchObject({ boards: 0, replaced: 0 });
  expect((await niaEvents())[0].sent.updates).toBe(updates(1));
});

it('a second edit the same day waits for the next day; a deletion does not wait', async () => {
  const [booked] = careerConversations(await niaEvents());
  const board = await readBoardAs(stack, nia, nia);
  const renamed = board.aspirations.find((a) => a.title.startsWith(RENAMED))!;
  await rename(renamed.id, `${LATER} lead the data platform`);

  // Within a day of the last update: the flag stays, no message.
  const waiting = await refreshInvites();
  expect(waiting).toMatchObject({ boards: 1, replaced: 0, waiting: 1 });
  expect(await organizerBody(booked.id)).not.toContain(LATER);
  expect((await niaEvents())[0].sent.updates).toBe(updates(1));

  // The daily pass a day later carries it (the pass refreshes invites too).
  stack.setNow(new Date(NOW.getTime() + 2 * DAY + 2 * HOUR));
  expect((await runPass(stack)).failed).toEqual({});
  expect(await organizerBody(booked.id)).toContain(LATER);
  expect((await niaEvents())[0].sent).toEqual({
    requests: 1,
    updates: updates(2),
    cancellations: 0,
  });

  // Added and deleted again before any update: the invite never had it, so nothing is sent.
  const extra = await addAspiration(stack, nia, { title: `${GONE} second try`, horizon: '3y' });
  expect(await refreshInvites()).toMatchObject({ replaced: 0, waiting: 1 });
  await remove(extra.id);
  expect(await refreshInvites()).toMatchObject({ boards: 1, replaced: 0, waiting: 0 });
  expect((await niaEvents())[0].sent.updates).toBe(updates(2));

  // A deletion within the same day as the last update goes through at once: deleted text never
  // waits in an invite.
  await remove(renamed.id);
  expect(await refreshInvites()).toMatchObject({ boards: 1, replaced: 1, waiting: 0 });
  const body = await organizerBody(booked.id);
  expect(body).not.toContain(LATER);
  expect(body).not.toContain(GONE);
  const [event] = await niaEvents();
  expect(event).toMatchObject({ id: booked.id, transactionId: booked.transactionId });
  expect(event.sent).toEqual({ requests: 1, updates: updates(3), cancellations: 0 });
});

it("an action agreed on the conversation reaches the invite's carried-over actions", async () => {
  const [booked] = careerConversations(await niaEvents());
  const listed = await stack.call<{ conversations: { id: string; etag: string }[] }>(
    `/boards/${nia}/conversations`,
    { as: tobias },
  );
  expect(listed.status).toBe(200);
  const conversation = listed.body.conversations[0];
  const patched = await stack.call(`/boards/${nia}/conversations/${conversation.id}`, {
    as: tobias,
    method: 'PATCH',
    body: { actionItems: [{ text: `${ACTION} ask for a mentor`, owner: 'manager', done: false }] },
    headers: { 'If-Match': conversation.etag },
  });
  expect(patched.status).toBe(200);
  // A day after the deletion's update (the last message), the next run sends it.
  stack.setNow(new Date(NOW.getTime() + 3 * DAY + 3 * HOUR));
  expect(await refreshInvites()).toMatchObject({ boards: 1, replaced: 1 });
  expect(await organizerBody(booked.id)).toContain(`${ACTION} ask for a mentor (Tobias`);
  expect((await niaEvents())[0].sent).toEqual({
    requests: 1,
    updates: updates(4),
    cancellations: 0,
  });
});

it('no update in the last hour before the meeting', async () => {
  const [booked] = careerConversations(await niaEvents());
  stack.setNow(new Date(Date.parse(booked.start) - 30 * 60_000));
  await addAspiration(stack, nia, { title: `${LAST_HOUR} a late idea` });
  // Too late for an edit: the board is what they open now. The flag is done with.
  expect(await refreshInvites()).toMatchObject({ boards: 1, replaced: 0, waiting: 0 });
  expect(await refreshInvites()).toMatchObject({ boards: 0 });
  expect(await organizerBody(booked.id)).not.toContain(LAST_HOUR);
  expect((await niaEvents())[0].sent.updates).toBe(updates(4));
});
