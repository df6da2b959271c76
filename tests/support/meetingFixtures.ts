import type { Event } from '@microsoft/microsoft-graph-types';

import { meetingChatIdOf } from '../../api/src/domain/conversations/meetingChat';
import type { QuarterKey } from '../../api/src/domain/scheduling';
import { addConversation } from './boardFixtures';
import type { TestStack } from './testStack';

/**
 * A Teams meeting on the organizer's calendar, made through the real Graph client against the
 * simulator, as the scheduler books one: its join URL carries the meeting chat's id.
 */
export async function bookTeamsMeeting(
  stack: TestStack,
  organizerId: string,
  attendeeIds: string[],
): Promise<{ eventId: string; joinUrl: string; chatId: string }> {
  const organizer = stack.orgStore.findUser(organizerId)!;
  const event = (await stack.services
    .graphFor(organizer.tenantId)
    .api(`/users/${organizerId}/events`)
    .post({
      subject: 'Career conversation',
      start: { dateTime: '2026-12-15T15:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-12-15T15:30:00', timeZone: 'UTC' },
      attendees: attendeeIds.map((id) => ({
        emailAddress: { address: addressOf(stack, id) },
        type: 'required',
      })),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    })) as Event;
  const joinUrl = event.onlineMeeting?.joinUrl ?? '';
  const chatId = meetingChatIdOf(joinUrl);
  if (!event.id || !chatId) throw new Error('The simulator booked no Teams meeting.');
  return { eventId: event.id, joinUrl, chatId };
}

/**
 * A pair's conversation booked in a Teams meeting, with `others` invited too when given: the
 * record as the scheduler leaves it, pointing at a real simulator event, with the meeting chat id
 * stored at booking. `withoutStoredChat`: as written before that key was stored (join URL only).
 */
export async function addMeetingConversation(
  stack: TestStack,
  employeeId: string,
  managerId: string,
  options: { quarter?: QuarterKey; others?: string[]; withoutStoredChat?: boolean } = {},
) {
  const meeting = await bookTeamsMeeting(stack, managerId, [employeeId, ...(options.others ?? [])]);
  const record = await addConversation(stack, employeeId, managerId, options.quarter);
  const stored = await stack.services.conversations.replace(
    {
      ...record,
      event: {
        id: meeting.eventId,
        joinUrl: meeting.joinUrl,
        ...(options.withoutStoredChat ? {} : { chatId: meeting.chatId }),
      },
    },
    record._etag,
  );
  return { ...meeting, record: stored };
}

function addressOf(stack: TestStack, userId: string): string {
  const user = stack.orgStore.findUser(userId)!;
  return user.mail ?? user.userPrincipalName;
}
