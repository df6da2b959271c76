import type { AspirationView } from '../../../api/src/contract/boardContract';
import type { ActionItem } from '../../../api/src/domain/conversations/records';
import { quarterBounds, quarterOf } from '../../../api/src/domain/scheduling';
import { addConversation } from '../../support/boardFixtures';
import { tokenFor } from './stack';
import type { Stack } from './stack';

/** Puts data on a board through the API, as the tab would, so screens have something to show. */
export async function callApi<T>(
  stack: Stack,
  userId: string,
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: string,
): Promise<T> {
  const response = await fetch(`${stack.urls.api}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await tokenFor(stack, userId)}`,
      'Content-Type': 'application/json',
      ...(ifMatch ? { 'If-Match': ifMatch } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function seedBoard(
  stack: Stack,
  employeeId: string,
  managerId: string,
): Promise<void> {
  const board = `/boards/${employeeId}`;
  const staff = await callApi<AspirationView>(stack, employeeId, 'POST', `${board}/aspirations`, {
    kind: 'title',
    horizon: 'next',
    title: 'Staff engineer on the platform team',
    details: 'Own the reliability roadmap and mentor two engineers.',
    targetDate: '2027-06-30',
    steps: [{ text: 'Lead the Q3 incident review' }, { text: 'Write the on-call handbook' }],
  });
  const withEvidence = await callApi<AspirationView>(
    stack,
    employeeId,
    'POST',
    `${board}/aspirations/${staff.id}/evidence`,
    {
      text: 'Ran the incident review for the March outage',
      date: '2026-03-14',
      link: 'https://wiki.contoso.example/incidents/march',
    },
  );
  // The manager acknowledges the version he read: its ETag, as the tab sends it.
  await callApi(
    stack,
    managerId,
    'POST',
    `${board}/aspirations/${staff.id}/acknowledgement`,
    { note: 'I’ll put you forward to lead the reliability working group.' },
    withEvidence.etag,
  );
  await callApi(stack, employeeId, 'POST', `${board}/aspirations`, {
    kind: 'skill',
    horizon: '1y',
    title: 'Public speaking at a regional conference',
  });
  const lead = await callApi<AspirationView>(stack, employeeId, 'POST', `${board}/aspirations`, {
    kind: 'other',
    horizon: '3y',
    title: 'Head of platform engineering',
  });
  await callApi(stack, managerId, 'POST', `${board}/aspirations/${lead.id}/comments`, {
    text: 'Let’s talk about what this would need in our next 1:1.',
  });
}

const DAY = 24 * 60 * 60 * 1000;

/** A day this many days from today, at `hour`:00 UTC, so "next" and "held" hold whenever it runs. */
function dayAt(days: number, hour: number): Date {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
}

/**
 * The pair's conversations as the scheduler leaves them: the next one booked a week ahead, and the
 * quarter before's held (three weeks ago, or late in that quarter if three weeks ago is still this
 * one), with both asked for notes (none written yet). Quarters follow from the dates, so the seed
 * is coherent whatever day it runs: one conversation per pair and quarter, as the scheduler keeps.
 */
export async function seedConversations(
  stack: Stack,
  employeeId: string,
  managerId: string,
  heldActions: ActionItem[] = [],
) {
  const nextStart = dayAt(8, 15);
  const nextQuarter = quarterOf(nextStart);
  const lastQuarterEnd = Date.parse(quarterBounds(nextQuarter).start);
  const heldStart = new Date(Math.min(dayAt(-21, 9).getTime(), lastQuarterEnd - 8 * DAY));
  heldStart.setUTCHours(9, 0, 0, 0);
  const heldQuarter = quarterOf(heldStart);
  const earlier = await addConversation(stack, employeeId, managerId, heldQuarter);
  const held = await stack.services.conversations.replace(
    {
      ...earlier,
      status: 'held',
      start: heldStart.toISOString(),
      end: new Date(heldStart.getTime() + 30 * 60_000).toISOString(),
      event: { id: 'event-0', joinUrl: 'https://teams.microsoft.com/l/meetup-join/earlier' },
      log: [{ at: heldStart.toISOString(), what: 'held', detail: 'the meeting time has passed' }],
      actionItems: heldActions,
      notesRequested: true,
    },
    earlier._etag,
  );
  const booked = await addConversation(stack, employeeId, managerId, nextQuarter);
  const next = await stack.services.conversations.replace(
    {
      ...booked,
      start: nextStart.toISOString(),
      end: new Date(nextStart.getTime() + 30 * 60_000).toISOString(),
    },
    booked._etag,
  );
  return { next, held };
}
