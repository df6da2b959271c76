import { escapeHtml } from '../scheduling/agenda';

/**
 * The invite's body is ours (the agenda) plus what Teams added when the online meeting was made
 * (the join link and dial-in, "the meeting blob"). Graph's event update docs
 * (https://learn.microsoft.com/graph/api/event-update, "body property and online meetings") say to
 * get the body first, change our part and keep the blob: removing it disables the online meeting.
 * Our part is fenced by comment markers (Exchange keeps HTML comments, as its own
 * `<!-- converted from text -->` shows), so a new agenda replaces exactly the old one.
 */

export const AGENDA_START = '<!--career-board-agenda-->';
export const AGENDA_END = '<!--/career-board-agenda-->';

/** The agenda as it goes into a new event's body. */
export function fencedAgenda(agendaHtml: string): string {
  return `${AGENDA_START}${agendaHtml}${AGENDA_END}`;
}

/**
 * The new body: the current one with our fenced part replaced. Without markers (an event booked
 * before they existed, or a body someone rewrote) the old text cannot be told apart from the
 * blob, and the old text may hold what a deletion must remove: we keep only the blob when it can
 * be found (Teams opens it with a line of underscores before the join link), else we write a
 * plain join link so the meeting can still be joined.
 */
export function spliceAgenda(
  currentBody: string,
  agendaHtml: string,
  joinUrl: string | null,
): string {
  const start = currentBody.indexOf(AGENDA_START);
  const end = currentBody.indexOf(AGENDA_END, start);
  if (start >= 0 && end > start) {
    return (
      currentBody.slice(0, start) +
      fencedAgenda(agendaHtml) +
      currentBody.slice(end + AGENDA_END.length)
    );
  }
  const blob = joinUrl === null ? null : meetingBlob(currentBody, joinUrl);
  if (blob !== null) return fencedAgenda(agendaHtml) + blob;
  const join =
    joinUrl === null
      ? ''
      : `<p><a href="${escapeHtml(joinUrl)}">Join the Microsoft Teams meeting</a></p>`;
  return fencedAgenda(agendaHtml) + join;
}

function meetingBlob(body: string, joinUrl: string): string | null {
  const at = Math.max(body.indexOf(joinUrl), body.indexOf(escapeHtml(joinUrl)));
  if (at < 0) return null;
  const rule = body.lastIndexOf('__________', at);
  if (rule < 0) return null;
  const opening = body.lastIndexOf('<div', rule);
  const tail = body.slice(opening >= 0 ? opening : rule);
  // Whatever follows the blob's opening is Teams' text, never ours: ours always comes first.
  return tail;
}
