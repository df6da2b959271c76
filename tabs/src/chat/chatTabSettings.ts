import type { TabInstanceSettings } from '../teams/teamsHost';

/** What Teams stores for a pinned board: where its content lives and what it is called. */
export function chatTabSettings(origin: string, employeeId: string): TabInstanceSettings {
  const base = origin.replace(/\/+$/, '');
  return {
    contentUrl: `${base}/#/chat/${encodeURIComponent(employeeId)}`,
    entityId: `board-${employeeId}`,
    suggestedDisplayName: 'Career board',
  };
}

/**
 * A meeting's tab: its content finds the pair from the meeting itself (the API resolves it from
 * the stored conversation), so the URL names nobody.
 */
export function meetingTabSettings(origin: string): TabInstanceSettings {
  return {
    contentUrl: `${origin.replace(/\/+$/, '')}/#/meeting`,
    entityId: 'career-conversation',
    suggestedDisplayName: 'Career board',
  };
}

/** Teams meeting chats are `19:meeting_…@thread.v2`; 1:1 chats end in `@unq.gbl.spaces`. */
export const isMeetingChat = (chatId: string): boolean => chatId.startsWith('19:meeting_');
