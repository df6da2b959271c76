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
