import { createHash } from 'node:crypto';

import type { ConversationRecord } from '../conversations/records';
import { resolveTimeZone, utcToZonedTime } from '../scheduling/timeZones';

/**
 * Teams activity-feed notifications as plain data: the types the app sends, the words people see
 * and where a click takes them. Every type here must be declared in appPackage/manifest.json with
 * exactly these template parameters (tests/appPackage checks both ways).
 *
 * Notifications reach lock screens and phones, so they carry names and dates only: never an
 * aspiration's title, a note, a comment or agenda text.
 */

export const ACTIVITY_TEMPLATE_PARAMETERS = {
  conversationBooked: ['when'],
  boardUpdateReminder: ['when'],
  aspirationAcknowledged: [],
  newDirectReport: ['employee'],
  boardShared: ['employee'],
  adviceRequested: ['employee'],
  adviceAnswered: ['person'],
  sharedBoardChanged: ['employee'],
} as const satisfies Record<string, readonly string[]>;

export type ActivityType = keyof typeof ACTIVITY_TEMPLATE_PARAMETERS;
export const ACTIVITY_TYPES = Object.keys(ACTIVITY_TEMPLATE_PARAMETERS) as ActivityType[];

export interface ActivityNotification {
  recipientId: string;
  activityType: ActivityType;
  /** A plain-text topic and the Teams deep link a click opens. */
  topic: { value: string; webUrl: string };
  /** The line under the title; Teams shows at most its first 150 characters. */
  previewText: string;
  templateParameters: { name: string; value: string }[];
  /** A later notification with the same chain replaces this one in the feed. */
  chainId: number;
}

/** What a deep link needs: the app's id in Teams and the tab's own address (the fallback). */
export interface TeamsLinks {
  appId: string;
  tabPublicUrl: string;
}

/** The personal app's static tabs (the manifest's entityIds), each with its label. */
const PERSONAL_TABS = { board: 'My board', team: 'My team' } as const;
export type PersonalTab = keyof typeof PERSONAL_TABS;

export const PREVIEW_LIMIT = 150;

/**
 * A Teams deep link to one of the personal app's tabs. `webUrl` is where a client that cannot
 * show the tab goes instead; `subEntityId` reaches the tab as its page context (the person the
 * notification is about).
 */
export function personalTabLink(links: TeamsLinks, tab: PersonalTab, subEntityId?: string): string {
  const base = links.tabPublicUrl.endsWith('/') ? links.tabPublicUrl : `${links.tabPublicUrl}/`;
  const query = [
    `webUrl=${encodeURIComponent(`${base}#/${tab}`)}`,
    `label=${encodeURIComponent(PERSONAL_TABS[tab])}`,
    ...(subEntityId ? [`context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`] : []),
  ];
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.appId)}/${tab}?${query.join('&')}`;
}

/** A stable chain id (a positive 48-bit integer, safe in JSON) for whatever `key` names. */
export function chainIdFor(key: string): number {
  return parseInt(createHash('sha256').update(key).digest('hex').slice(0, 12), 16);
}

const WEEKDAYS = {
  sunday: 'Sunday',
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
} as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A start time as the recipient reads it on their own clock, naming the zone so it is never
 * mistaken for another: "Tuesday 26 January 2027 at 10:00 (Europe/Berlin)". An unknown or
 * missing zone reads in UTC.
 */
export function formatWhen(startIso: string, timeZone: string | null | undefined): string {
  const zone = resolveTimeZone(timeZone) ?? resolveTimeZone('UTC')!;
  const local = utcToZonedTime(Date.parse(startIso), zone);
  const [year, month, day] = local.date.split('-').map(Number);
  return `${WEEKDAYS[local.dayOfWeek]} ${day} ${MONTHS[month - 1]} ${year} at ${local.time.slice(0, 5)} (${zone})`;
}

/**
 * A calendar date spelled out, "26 January 2027", so no reader takes 03/04 for the wrong month.
 * A date-time is read on `timeZone`'s clock (UTC when unknown); a plain date stays that date.
 */
export function formatDate(value: string, timeZone?: string | null): string {
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = Date.parse(value);
  if (!plain && Number.isNaN(instant)) return value;
  const zone = resolveTimeZone(timeZone) ?? resolveTimeZone('UTC')!;
  const date = plain ? value : utcToZonedTime(instant, zone).date;
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

function preview(text: string): string {
  return text.length <= PREVIEW_LIMIT ? text : `${text.slice(0, PREVIEW_LIMIT - 1)}…`;
}

export interface NamedPerson {
  id: string;
  displayName: string;
}

/** To the employee: their manager acknowledged one of their aspirations (which one is not said). */
export function aspirationAcknowledgedNotification(input: {
  employeeId: string;
  managerName: string;
  aspirationId: string;
  links: TeamsLinks;
}): ActivityNotification {
  return {
    recipientId: input.employeeId,
    activityType: 'aspirationAcknowledged',
    topic: { value: 'Your Career Board', webUrl: personalTabLink(input.links, 'board') },
    previewText: preview(`${input.managerName} acknowledged an aspiration on your board.`),
    templateParameters: [],
    chainId: chainIdFor(`aspirationAcknowledged|${input.employeeId}|${input.aspirationId}`),
  };
}

/**
 * To one of the pair: their conversation is booked, at their own local time. The employee's link
 * opens their board, the manager's their team. The preview says where the board is during the
 * meeting (its side panel, added with +); the invite body says it at length. A rebooking shares the
 * chain, so its new time replaces the old one in the feed.
 */
export function conversationBookedNotification(input: {
  to: 'employee' | 'manager';
  employee: NamedPerson;
  manager: NamedPerson;
  start: string;
  timeZone: string | null | undefined;
  conversationKey: string;
  links: TeamsLinks;
}): ActivityNotification {
  const recipient = input.to === 'employee' ? input.employee : input.manager;
  const other = input.to === 'employee' ? input.manager : input.employee;
  const when = formatWhen(input.start, input.timeZone);
  return {
    recipientId: recipient.id,
    activityType: 'conversationBooked',
    topic: {
      value: `Career conversation with ${other.displayName}`,
      webUrl:
        input.to === 'employee'
          ? personalTabLink(input.links, 'board')
          : personalTabLink(input.links, 'team', input.employee.id),
    },
    previewText: preview(
      // The hint first: a long name and zone can cut the tail, and the title already says when.
      `In the meeting, open Career Board with + in its tabs. With ${other.displayName} on ${when}.`,
    ),
    templateParameters: [{ name: 'when', value: when }],
    chainId: chainIdFor(`conversationBooked|${input.conversationKey}|${recipient.id}`),
  };
}

/** To the employee, a few days ahead: a good moment to bring the board up to date. */
export function boardUpdateReminderNotification(input: {
  employee: NamedPerson;
  manager: NamedPerson;
  start: string;
  timeZone: string | null | undefined;
  conversationKey: string;
  links: TeamsLinks;
}): ActivityNotification {
  const when = formatWhen(input.start, input.timeZone);
  return {
    recipientId: input.employee.id,
    activityType: 'boardUpdateReminder',
    topic: {
      value: `Career conversation with ${input.manager.displayName}`,
      webUrl: personalTabLink(input.links, 'board'),
    },
    previewText: preview(
      `You meet ${input.manager.displayName} on ${when}. A few minutes on your board first makes it count.`,
    ),
    templateParameters: [{ name: 'when', value: when }],
    chainId: chainIdFor(`boardUpdateReminder|${input.conversationKey}`),
  };
}

/** To the new manager: a report moved to them, with their board and its history. */
export function newDirectReportNotification(input: {
  managerId: string;
  employee: NamedPerson;
  changeKey: string;
  links: TeamsLinks;
}): ActivityNotification {
  return {
    recipientId: input.managerId,
    activityType: 'newDirectReport',
    topic: {
      value: `${input.employee.displayName}'s Career Board`,
      webUrl: personalTabLink(input.links, 'team', input.employee.id),
    },
    previewText: preview(
      `${input.employee.displayName}'s board and its history are now shared with you. Your first career conversation is booked early.`,
    ),
    templateParameters: [{ name: 'employee', value: input.employee.displayName }],
    chainId: chainIdFor(`newDirectReport|${input.changeKey}`),
  };
}

/**
 * Whether the daily pass should remind the employee about this conversation now: it is booked,
 * starts within `days` days and has not started, and this booking has had no reminder yet.
 */
export function reminderDue(
  record: Pick<ConversationRecord, 'status' | 'start' | 'attempt' | 'notices'>,
  now: Date,
  days: number,
): boolean {
  if (record.status !== 'scheduled' || record.start === null) return false;
  const untilStart = Date.parse(record.start) - now.getTime();
  if (untilStart <= 0 || untilStart > days * 86_400_000) return false;
  return record.notices?.reminder?.attempt !== record.attempt;
}

/** To a sponsor or mentor about one employee's board: the link opens their view of that board. */
function toFollower(
  activityType: 'boardShared' | 'sharedBoardChanged',
  input: { viewerId: string; employee: NamedPerson; links: TeamsLinks },
  text: string,
): ActivityNotification {
  return {
    recipientId: input.viewerId,
    activityType,
    topic: {
      value: `${input.employee.displayName}'s Career Board`,
      webUrl: personalTabLink(input.links, 'board', `shared:${input.employee.id}`),
    },
    previewText: preview(text),
    templateParameters: [{ name: 'employee', value: input.employee.displayName }],
    chainId: chainIdFor(`${activityType}|${input.employee.id}|${input.viewerId}`),
  };
}

/**
 * To a sponsor or mentor: someone shared their board (or part of it) with them. The link opens
 * "Shared with me"; what is shown there is read again then, so an aspiration deleted or a share
 * revoked since is not shown, whatever the feed still says.
 */
export function boardSharedNotification(input: {
  viewerId: string;
  employee: NamedPerson;
  links: TeamsLinks;
}): ActivityNotification {
  return toFollower(
    'boardShared',
    input,
    `${input.employee.displayName} chose to share their career aspirations with you.`,
  );
}

/** To the person asked: a question about one aspiration (which, and the question, are not said). */
export function adviceRequestedNotification(input: {
  personId: string;
  employee: NamedPerson;
  threadKey: string;
  links: TeamsLinks;
}): ActivityNotification {
  return {
    recipientId: input.personId,
    activityType: 'adviceRequested',
    topic: {
      value: `${input.employee.displayName} asks for your advice`,
      webUrl: personalTabLink(input.links, 'board', `shared:${input.employee.id}`),
    },
    previewText: preview(
      `${input.employee.displayName} asked you a question about one of their career aspirations.`,
    ),
    templateParameters: [{ name: 'employee', value: input.employee.displayName }],
    chainId: chainIdFor(`adviceRequested|${input.threadKey}`),
  };
}

/** To the employee: the person they asked (or their sponsor or mentor) answered. */
export function adviceAnsweredNotification(input: {
  employeeId: string;
  person: NamedPerson;
  threadKey: string;
  links: TeamsLinks;
}): ActivityNotification {
  return {
    recipientId: input.employeeId,
    activityType: 'adviceAnswered',
    topic: { value: 'Your Career Board', webUrl: personalTabLink(input.links, 'board') },
    previewText: preview(`${input.person.displayName} answered on one of your aspirations.`),
    templateParameters: [{ name: 'person', value: input.person.displayName }],
    chainId: chainIdFor(`adviceAnswered|${input.threadKey}`),
  };
}

/**
 * To a sponsor or mentor: the employee changed an aspiration their share covers (which one, and
 * how, are not said). The link opens the shared board, read again then, so an aspiration deleted
 * or a share revoked since is not shown. One chain per board and follower: the day's notice
 * replaces yesterday's in the feed.
 */
export function sharedBoardChangedNotification(input: {
  viewerId: string;
  employee: NamedPerson;
  links: TeamsLinks;
}): ActivityNotification {
  return toFollower(
    'sharedBoardChanged',
    input,
    `${input.employee.displayName} updated a career aspiration they share with you.`,
  );
}
