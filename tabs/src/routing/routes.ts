import { GUID } from '@contract/ids';

/** The tab's screens, addressed by the URL hash so static hosting needs no rewrites. */
export type AppRoute =
  | { name: 'board'; employeeId: string | null }
  | { name: 'team' }
  | { name: 'settings' }
  | { name: 'config' }
  | { name: 'chat'; employeeId: string }
  /** In a Teams meeting Career Board booked: the pair comes from the meeting, not the URL. */
  | { name: 'meeting' }
  /** Boards shared with the viewer (issue 13): the list, or one board as shared. */
  | { name: 'shared'; employeeId: string | null }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): AppRoute {
  const path = hash
    .replace(/^#/, '')
    .replace(/^\/+/, '')
    .replace(/[?].*$/, '')
    .replace(/\/+$/, '');
  const [first = '', second, ...rest] = path.split('/').map(safeDecode);
  if (rest.length > 0) return { name: 'not-found', path: `/${path}` };
  switch (first) {
    case '':
      return { name: 'board', employeeId: null };
    case 'board':
      return { name: 'board', employeeId: second || null };
    case 'team':
      return second ? { name: 'not-found', path: `/${path}` } : { name: 'team' };
    case 'settings':
      return second ? { name: 'not-found', path: `/${path}` } : { name: 'settings' };
    case 'config':
      return { name: 'config' };
    case 'meeting':
      return second ? { name: 'not-found', path: `/${path}` } : { name: 'meeting' };
    case 'shared':
      return { name: 'shared', employeeId: second || null };
    case 'chat':
      return second
        ? { name: 'chat', employeeId: second }
        : { name: 'not-found', path: `/${path}` };
    default:
      return { name: 'not-found', path: `/${path}` };
  }
}

export function hrefFor(route: AppRoute): string {
  switch (route.name) {
    case 'board':
      return route.employeeId ? `#/board/${encodeURIComponent(route.employeeId)}` : '#/board';
    case 'team':
      return '#/team';
    case 'settings':
      return '#/settings';
    case 'config':
      return '#/config';
    case 'chat':
      return `#/chat/${encodeURIComponent(route.employeeId)}`;
    case 'meeting':
      return '#/meeting';
    case 'shared':
      return route.employeeId ? `#/shared/${encodeURIComponent(route.employeeId)}` : '#/shared';
    case 'not-found':
      return '#/board';
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Where a Teams deep link with a page context lands: "My team" (or the default board) with a
 * person's id opens that person's board. Anything else stays where it is (null), so a stale or
 * odd context can never take someone somewhere unexpected.
 */
export function deepLinkRoute(route: AppRoute, subPageId: string | null): AppRoute | null {
  if (!subPageId || !GUID.test(subPageId)) return null;
  const landing = route.name === 'team' || (route.name === 'board' && route.employeeId === null);
  return landing ? { name: 'board', employeeId: subPageId } : null;
}
