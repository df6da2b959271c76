import { randomUUID } from 'node:crypto';

import type { AspirationView, HistoryEntryView } from '../../../api/src/contract/boardContract';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, readBoardAs } from '../../support/boardFixtures';
import { calendarEvents, careerConversations, runPass } from '../../support/calendarChecks';
import { HOUR, NOW, startSchedulerStack } from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * Deleting an aspiration erases what it said everywhere: every stored document, every history
 * page anyone can read, the body of every invite already sent (the new manager's carries the
 * board's recent history), the Teams notifications and the log. Searched for marker strings put
 * in its title, details, a step, evidence and an edit.
 */

const { tenantId, employee: nia, manager: tobias, bigTeamManager: kavya } = DEMO.contoso;
const run = randomUUID().slice(0, 8);
const MARKERS = {
  title: `Qt${run}`,
  edited: `Qe${run}`,
  details: `Qd${run}`,
  step: `Qs${run}`,
  evidence: `Qv${run}`,
};
const logs: string[] = [];

let stack: SchedulerStack;
beforeAll(async () => {
  stack = await startSchedulerStack(NOW, { log: (line) => logs.push(line) });
});
afterAll(async () => {
  await stack.close();
});

const hits = (text: string) => Object.values(MARKERS).filter((m) => text.includes(m));

/** Every document of every container, read past the API. */
async function storedText(): Promise<string> {
  const all: unknown[] = [];
  for (const container of Object.values(stack.services.cosmos.containers)) {
    const { resources } = await container.items.query('SELECT * FROM c').fetchAll();
    all.push(...resources);
  }
  return JSON.stringify(all);
}

/** Every page of the board's history, as each person who asks gets it (refusals included). */
async function historyText(): Promise<string> {
  const pages: unknown[] = [];
  for (const as of [nia, kavya, tobias]) {
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const page = await stack.call<{ entries?: HistoryEntryView[]; nextCursor?: string | null }>(
        `/boards/${nia}/history${query}`,
        { as },
      );
      pages.push(page.body);
      cursor = page.status === 200 ? (page.body.nextCursor ?? null) : null;
    } while (cursor);
  }
  return JSON.stringify(pages);
}

/**
 * The body of each of Nia's events that is not cancelled, as its organizer's calendar returns it
 * over Graph. (A cancelled meeting's copy left in an attendee's calendar keeps the body it had:
 * not rewritten yet, see api/README.md.)
 */
async function eventBodies(): Promise<Map<string, string>> {
  const graph = stack.services.graphFor(tenantId);
  const read = async (mailbox: string, id: string): Promise<string | null> => {
    try {
      const event = (await graph.api(`/users/${mailbox}/events/${id}`).get()) as {
        body?: { content?: string };
      };
      return event.body?.content ?? '';
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  };
  const bodies = new Map<string, string>();
  for (const event of await calendarEvents(stack)) {
    if (event.isCancelled || !event.attendees.some((a) => a.id === nia)) continue;
    const body = await read(event.organizer.id, event.id);
    if (body !== null) bodies.set(event.id, body);
  }
  return bodies;
}

async function notificationsText(): Promise<string> {
  const response = await fetch(`${stack.urls.dev}/dev/activity-notifications`);
  expect(response.status).toBe(200);
  return response.text();
}

const niaInvites = async () =>
  careerConversations(await calendarEvents(stack))
    .filter((e) => e.attendees[0]?.id === nia)
    .map((e) => ({ id: e.id, transactionId: e.transactionId, organizer: e.organizer.id }));

it('leaves no trace of its text in storage, history, invites, notifications or logs', async () => {
  // 1. An aspiration with a marker in every field, edited (history grows), with evidence.
  const created = await addAspiration(stack, nia, {
    title: `${MARKERS.title} leaving for competitor`,
    details: `${MARKERS.details} talked to their recruiter`,
    steps: [{ text: `${MARKERS.step} ask for a reference` }],
  });
  const edited = await stack.call<AspirationView>(`/boards/${nia}/aspirations/${created.id}`, {
    as: nia,
    method: 'PATCH',
    body: { title: `${MARKERS.edited} leaving for competitor` },
    headers: { 'If-Match': created.etag },
  });
  expect(edited.status).toBe(200);
  const withEvidence = await stack.call<AspirationView>(
    `/boards/${nia}/aspirations/${created.id}/evidence`,
    {
      as: nia,
      method: 'POST',
      body: { text: `${MARKERS.evidence} sent my CV`, date: '2027-01-15' },
    },
  );
  expect(withEvidence.status).toBe(201);

  // 2. Booked with Tobias; then Nia moves to Kavya, whose invite carries the board's history.
  expect((await runPass(stack)).failed).toEqual({});
  stack.setNow(new Date(NOW.getTime() + HOUR));
  stack.orgStore.updateUser(tenantId, nia, { managerId: kavya });
  expect((await runPass(stack)).failed).toEqual({});
  const invites = await niaInvites();
  expect(invites.map((i) => i.organizer)).toEqual([kavya]);
  // The searches can fail: before the deletion the text is everywhere this test looks.
  const before = await eventBodies();
  expect(hits(before.get(invites[0].id) ?? '')).toEqual(
    expect.arrayContaining([MARKERS.edited, MARKERS.step, MARKERS.evidence]),
  );
  expect(hits(before.get(invites[0].id) ?? '')).toContain(MARKERS.title); // the history lines
  expect(hits(await storedText())).toHaveLength(Object.keys(MARKERS).length);
  expect(hits(await historyText()).length).toBeGreaterThan(0);

  // 3. Nia deletes it; the next pass replaces the invite bodies.
  const current = (await readBoardAs(stack, nia, nia)).aspirations.find(
    (a) => a.id === created.id,
  )!;
  const deletion = await stack.call(`/boards/${nia}/aspirations/${created.id}`, {
    as: nia,
    method: 'DELETE',
    headers: { 'If-Match': current.etag },
  });
  expect(deletion.status).toBe(204);
  stack.setNow(new Date(NOW.getTime() + 2 * HOUR));
  expect((await runPass(stack)).failed).toEqual({});

  // 4. Zero hits anywhere; the same invite (id, transactionId), no new one.
  expect(hits(await storedText())).toEqual([]);
  const history = await historyText();
  expect(hits(history)).toEqual([]);
  expect(history).toContain('Deleted an aspiration');
  const after = await eventBodies();
  expect(after.size).toBeGreaterThan(0);
  for (const [id, body] of after) {
    expect({ id, hits: hits(body) }).toEqual({ id, hits: [] });
  }
  expect(after.get(invites[0].id)).toContain('Deleted an aspiration');
  expect(await niaInvites()).toEqual(invites);
  expect(hits(await notificationsText())).toEqual([]);
  expect(logs.length).toBeGreaterThan(0);
  expect(logs.filter((line) => hits(line).length > 0)).toEqual([]);
});
