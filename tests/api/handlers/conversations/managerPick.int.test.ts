import type {
  ConversationView,
  PickSlotView,
  PickSuggestionsView,
} from '../../../../api/src/contract/conversationContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { createCalendarGateway } from '../../../../api/src/graph/calendarGateway';
import { calendarEvents, careerConversations } from '../../../support/calendarChecks';
import { addUnbookedConversation, CROSS_ZONE, MID_QUARTER } from '../../../support/pickFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

let stack: TestStack;
const { manager, employee, skipLevel } = CROSS_ZONE;
let base: string;

const peer = () =>
  stack.orgStore.snapshot().users.find((u) => u.managerId === manager && u.id !== employee)!.id;
const mailOf = (id: string) => stack.orgStore.findUser(id)!.mail!.toLowerCase();
const invitesTo = async (id: string) =>
  careerConversations(await calendarEvents(stack)).filter((e) =>
    e.attendees.some((a) => a.mail.toLowerCase() === mailOf(id)),
  );
const slots = (as: string) => stack.call<PickSuggestionsView>(`${base}/slots`, { as });
const pick = (as: string, slot: Pick<PickSlotView, 'start' | 'end'>) =>
  stack.call<ConversationView>(`${base}/pick`, {
    as,
    method: 'POST',
    body: { start: slot.start, end: slot.end },
  });
const record = async () => {
  const { body } = await stack.call<{ conversations: ConversationView[] }>(
    `/boards/${employee}/conversations`,
    { as: manager },
  );
  return body.conversations[0];
};

beforeAll(async () => {
  stack = await startTestStack();
  stack.services.now = () => MID_QUARTER;
  const created = await addUnbookedConversation(stack, employee, manager, { now: MID_QUARTER });
  base = `/boards/${employee}/conversations/${created.id}`;
});
afterAll(async () => {
  await stack.close();
});

describe('the manager picks a time for a pair whose working hours never meet', () => {
  it('offers times free on both calendars, one per day, inside a day both can take', async () => {
    const { status, body } = await slots(manager);
    expect(status).toBe(200);
    expect(body.suggestions.length).toBeGreaterThan(1);
    expect(new Set(body.suggestions.map((s) => s.managerLocalDate)).size).toBe(
      body.suggestions.length,
    );
    for (const s of body.suggestions) {
      for (const local of [s.managerLocalStart, s.employeeLocalStart]) {
        expect(local >= '07:00' && local <= '20:30').toBe(true);
      }
      // Bengaluru and Seattle share no working hour: every offer stretches someone's day.
      expect(s.outsideWorkingHours).toBe(true);
      expect(Date.parse(s.end) - Date.parse(s.start)).toBe(30 * 60_000);
    }
    expect(body.timeZones.manager).not.toBe(body.timeZones.employee);
  });

  it("only the pair's current manager may see or pick the times; others are refused, nothing is booked", async () => {
    const { body } = await slots(manager);
    const slot = body.suggestions[0];
    for (const [who, expected] of [
      [employee, 403],
      [skipLevel, 403],
      [DEMO.contoso.admin, 403],
      // Another manager in the organisation, and a peer of the employee (in the same team).
      [DEMO.contoso.manager, 403],
      [peer(), 403],
      [DEMO.fabrikam.manager, 404],
    ] as const) {
      expect({ who, status: (await slots(who)).status }).toEqual({ who, status: expected });
      const refused = await pick(who, slot);
      expect({ who, status: refused.status }).toEqual({ who, status: expected });
      expect(refused.contentType).toContain('application/problem+json');
    }
    expect((await record()).status).toBe('needs-manager-pick');
    expect(await invitesTo(employee)).toHaveLength(0);
  });

  it('refuses a time that is not on the grid or not the meeting length with 409, and bad input with 400', async () => {
    const { body } = await slots(manager);
    const slot = body.suggestions[0];
    const odd = {
      start: new Date(Date.parse(slot.start) + 7 * 60_000).toISOString(),
      end: new Date(Date.parse(slot.end) + 7 * 60_000).toISOString(),
    };
    expect((await pick(manager, odd)).status).toBe(409);
    expect((await pick(manager, { start: slot.start, end: slot.start })).status).toBe(409);
    const bad = await stack.call(`${base}/pick`, {
      as: manager,
      method: 'POST',
      body: { start: 'tomorrow' },
    });
    expect(bad.status).toBe(400);
    expect((await record()).status).toBe('needs-manager-pick');
  });

  it('a time taken since it was offered gets 409 problem+json with fresh suggestions, and nothing changes', async () => {
    const { body } = await slots(manager);
    const taken = body.suggestions[0];
    // Another meeting lands on the manager's calendar at that time (here: a conversation with a peer).
    const calendar = createCalendarGateway(
      stack.services.graphFor(DEMO.contoso.tenantId),
      stack.services.mailboxLimiter,
    );
    const other = stack.orgStore
      .snapshot()
      .users.find((u) => u.managerId === manager && u.id !== employee && u.mail)!;
    await calendar.createEvent({
      organizerId: manager,
      attendee: { mail: other.mail!, displayName: other.displayName },
      subject: 'Team sync',
      agendaHtml: '<p>sync</p>',
      start: taken.start,
      end: taken.end,
      transactionId: '7a1b2c3d-0000-4000-a000-000000000001',
    });
    const refused = await stack.call<{ status: number; suggestions: PickSlotView[] }>(
      `${base}/pick`,
      { as: manager, method: 'POST', body: { start: taken.start, end: taken.end } },
    );
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.suggestions.length).toBeGreaterThan(0);
    expect(refused.body.suggestions.map((s) => s.start)).not.toContain(taken.start);
    expect((await record()).status).toBe('needs-manager-pick');
    expect(await invitesTo(employee)).toHaveLength(0);
  });

  it('concurrent picks and retries of the same time send one invite, through the pair record', async () => {
    const { body } = await slots(manager);
    const slot = body.suggestions[0];
    const answers = await Promise.all([
      pick(manager, slot),
      pick(manager, slot),
      pick(manager, slot),
    ]);
    for (const a of answers) expect([200, 202]).toContain(a.status);
    const retry = await pick(manager, slot);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ status: 'scheduled', start: slot.start, unbooked: null });
    const invites = await invitesTo(employee);
    expect(invites).toHaveLength(1);
    expect(invites[0].organizer.id).toBe(manager);
    expect(invites[0].start).toBe(slot.start);

    // Once booked, another time is refused: the manager moves it in Outlook instead.
    const other = body.suggestions[1] ?? body.suggestions[0];
    if (other.start !== slot.start) expect((await pick(manager, other)).status).toBe(409);
    expect((await slots(manager)).status).toBe(409);
    expect(await invitesTo(employee)).toHaveLength(1);
  });
});
