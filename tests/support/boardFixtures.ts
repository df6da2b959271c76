import type { AspirationView, BoardView } from '../../api/src/contract/boardContract';
import { conversationId, transactionIdFor } from '../../api/src/domain/conversations/records';
import type { ConversationRecord } from '../../api/src/domain/conversations/records';
import type { QuarterKey } from '../../api/src/domain/scheduling';
import type { TestStack } from './testStack';

/** Builds board content through the real API, as the employee would. */

export const sampleAspiration = {
  kind: 'title',
  horizon: 'next',
  title: 'Staff engineer',
  details: 'Lead the platform migration and mentor two engineers.',
  targetDate: '2027-06-30',
  steps: [{ text: 'Write the migration RFC' }, { text: 'Pair with the SRE team' }],
} as const;

export async function addAspiration(
  stack: TestStack,
  employeeId: string,
  overrides: Record<string, unknown> = {},
): Promise<AspirationView> {
  const result = await stack.call<AspirationView>(`/boards/${employeeId}/aspirations`, {
    as: employeeId,
    method: 'POST',
    body: { ...sampleAspiration, ...overrides },
  });
  if (result.status !== 201)
    throw new Error(`Could not add an aspiration: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function readBoardAs(
  stack: TestStack,
  employeeId: string,
  as: string,
): Promise<BoardView> {
  const result = await stack.call<BoardView>(`/boards/${employeeId}`, { as });
  if (result.status !== 200) throw new Error(`Could not read the board: ${result.status}`);
  return result.body;
}

/** Deletes every aspiration on a board, through the API, so a long test stays under the limit. */
export async function clearBoard(stack: TestStack, employeeId: string): Promise<void> {
  const board = await readBoardAs(stack, employeeId, employeeId);
  for (const a of board.aspirations) {
    const result = await stack.call(`/boards/${employeeId}/aspirations/${a.id}`, {
      as: employeeId,
      method: 'DELETE',
      headers: { 'If-Match': a.etag },
    });
    if (result.status !== 204) throw new Error(`Could not clear the board: ${result.status}`);
  }
}

/** A booked conversation record, written as the scheduler would, for API tests. */
export async function addConversation(
  stack: TestStack,
  employeeId: string,
  managerId: string,
  quarter: QuarterKey = '2026-Q4',
  overrides: Partial<ConversationRecord> = {},
) {
  const base = {
    tenantId: stack.orgStore.findUser(employeeId)!.tenantId,
    employeeId,
    managerId,
    quarter,
  };
  const now = new Date().toISOString();
  const record = await stack.services.conversations.create({
    type: 'conversation',
    id: conversationId(quarter, managerId),
    pk: `${base.tenantId}|${employeeId}`,
    ...base,
    reason: 'quarterly',
    status: 'scheduled',
    attempt: 1,
    transactionId: transactionIdFor(base, 1),
    start: '2026-12-01T15:00:00.000Z',
    end: '2026-12-01T15:30:00.000Z',
    event: { id: 'event-1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/test' },
    log: [],
    sharedNotes: '',
    actionItems: [],
    notesRequested: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  if (!record) throw new Error('conversation exists already');
  return record;
}
