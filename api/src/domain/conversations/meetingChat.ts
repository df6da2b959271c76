/**
 * The Teams meeting chat of a booked conversation. A Teams meeting's join URL carries its chat
 * thread id (`https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`),
 * and teams-js gives a tab in that meeting the same id as `context.chat.id`. The record stores
 * the join URL Graph returned when it booked the event and the chat id read from it, so the server
 * finds the pair from its own record: the id the page sends only says which meeting to look for, never whose board it is.
 */

/** A Teams meeting chat id: `19:meeting_{opaque}@thread.v2`. */
const MEETING_CHAT = /^19:meeting_([A-Za-z0-9_-]{8,200})@thread\.v2$/;

export const isMeetingChatId = (id: string): boolean => MEETING_CHAT.test(id);

/**
 * The opaque part of a meeting chat id (`meeting_…` without the `19:` and the suffix): what a store
 * query can look for inside a stored join URL whatever its percent-encoding.
 */
export function meetingChatToken(chatId: string): string | null {
  const match = MEETING_CHAT.exec(chatId);
  return match ? `meeting_${match[1]}` : null;
}

/** The meeting chat id a join URL points to, or null if it is not a Teams meeting link. */
export function meetingChatIdOf(joinUrl: string | null | undefined): string | null {
  if (!joinUrl) return null;
  let url: URL;
  try {
    url = new URL(joinUrl);
  } catch {
    return null;
  }
  const segment = /^\/l\/meetup-join\/([^/]+)/.exec(url.pathname)?.[1];
  if (!segment) return null;
  let thread: string;
  try {
    thread = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return isMeetingChatId(thread) ? thread : null;
}
