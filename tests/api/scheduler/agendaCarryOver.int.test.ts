import { conversationId, transactionIdFor } from '../../../api/src/domain/conversations/records';
import type { ConversationRecord } from '../../../api/src/domain/conversations/records';
import type { QuarterKey } from '../../../api/src/domain/scheduling';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { addAspiration } from '../../support/boardFixtures';
import { calendarEvents, careerConversations, runPass } from '../../support/calendarChecks';
import { startSchedulerStack } from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * This quarter's agenda picks up where the last conversation left off, even when that was last
 * quarter: its open actions are carried over, and only what was done since it is listed.
 */

const { tenantId, employee: nia, manager: tobias } = DEMO.contoso;

let stack: SchedulerStack;
beforeAll(async () => {
  stack = await startSchedulerStack();
});
afterAll(async () => {
  await stack.close();
});

async function heldConversation(
  quarter: QuarterKey,
  end: string,
  actionItems: ConversationRecord['actionItems'],
) {
  const base = { tenantId, employeeId: nia, managerId: tobias, quarter };
  const start = new Date(Date.parse(end) - 30 * 60_000).toISOString();
  const created = await stack.services.conversations.create({
    type: 'conversation',
    id: conversationId(quarter, tobias),
    pk: `${tenantId}|${nia}`,
    ...base,
    reason: 'quarterly',
    status: 'held',
    attempt: 1,
    transactionId: transactionIdFor(base, 1),
    start,
    end,
    event: { id: `held-${quarter}`, joinUrl: null },
    log: [],
    sharedNotes: '',
    actionItems,
    notesRequested: true,
    createdAt: start,
    updatedAt: end,
  });
  expect(created).not.toBeNull();
}

it("an open action from last quarter is on this quarter's agenda, and evidence from before that conversation is not", async () => {
  await heldConversation('2026-Q3', '2026-08-10T15:30:00.000Z', [
    { id: 'a0', text: 'Shadow the SRE rota', owner: 'employee', dueDate: null, done: false },
  ]);
  await heldConversation('2026-Q4', '2026-11-02T15:30:00.000Z', [
    {
      id: 'a1',
      text: 'Book the AWS course',
      owner: 'manager',
      dueDate: '2027-01-31',
      done: false,
    },
    { id: 'a2', text: 'Finish the RFC draft', owner: 'employee', dueDate: null, done: true },
  ]);
  const aspiration = await addAspiration(stack, nia, { title: 'Staff engineer', steps: [] });
  for (const [text, date] of [
    ['EVIDENCE-BEFORE-LAST', '2026-10-15'],
    ['EVIDENCE-SINCE-LAST', '2026-12-10'],
  ]) {
    const added = await stack.call(`/boards/${nia}/aspirations/${aspiration.id}/evidence`, {
      as: nia,
      method: 'POST',
      body: { text, date },
    });
    expect(added.status).toBe(201);
  }

  const summary = await runPass(stack);
  expect(summary.failed).toEqual({});
  const event = careerConversations(await calendarEvents(stack)).find(
    (e) => e.attendees[0]?.id === nia,
  )!;
  const body = (
    (await stack.services
      .graphFor(tenantId)
      .api(`/users/${tobias}/events/${encodeURIComponent(event.id)}`)
      .get()) as { body: { content: string } }
  ).body.content;
  expect(body).toContain('Book the AWS course (Tobias');
  expect(body).toContain('due 31 January 2027');
  // Still open from two quarters ago: carried too.
  expect(body).toContain('Shadow the SRE rota');
  expect(body).not.toContain('Finish the RFC draft');
  expect(body).toContain('EVIDENCE-SINCE-LAST');
  expect(body).not.toContain('EVIDENCE-BEFORE-LAST');
});
