import type { DayOfWeek, DemoBusyBlock, DemoUser } from './types';
import { busyBlock, byStart, isWithinWorkingHours } from './busyCalendar';
import type { BusyHorizon, HorizonDay } from './busyCalendar';
import { hashSeed } from './prng';

/**
 * Recurring meetings for the hand-written demo organisation: what a real calendar looks like a few
 * times a week (stand-ups, a team meeting, 1:1s with the manager, focus time, a lunch talk), plus
 * one person's week out of office. Slot finding has to work around all of it.
 *
 * Only people with a mailbox in the tenant get a calendar: guests, people without a mailbox and
 * disabled accounts have none.
 */

export interface TeamCalendarOptions {
  /** Someone on holiday for a whole week (week index counted from the horizon's first Monday). */
  outOfOffice?: { userId: string; week: number };
}

const ONE_ON_ONE_TIMES = [14 * 60, 15 * 60, 16 * 60, 13 * 60 + 30, 11 * 60];
const ONE_ON_ONE_DAYS: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday'];
const FOCUS_DAYS: DayOfWeek[] = ['monday', 'tuesday', 'thursday', 'friday'];
/** Managers with more reports than this meet each of them every other week. */
const WEEKLY_ONE_ON_ONE_LIMIT = 8;

type Calendars = Map<string, DemoBusyBlock[]>;

export function addTeamCalendars(
  users: DemoUser[],
  horizon: BusyHorizon,
  options: TeamCalendarOptions = {},
): void {
  const hasCalendar = (u: DemoUser) =>
    u.accountEnabled && u.mail !== null && u.userType === 'Member';
  const calendars: Calendars = new Map(users.filter(hasCalendar).map((u) => [u.id, []]));
  const byId = new Map(users.map((u) => [u.id, u]));
  const teams: { manager: DemoUser; reports: DemoUser[] }[] = [];
  for (const manager of users) {
    if (!calendars.has(manager.id)) continue;
    const reports = users.filter((u) => u.managerId === manager.id && calendars.has(u.id));
    if (reports.length > 0) teams.push({ manager, reports });
  }

  // Passes run from the most fixed to the most movable, so later blocks avoid earlier ones.
  for (const team of teams) addTeamRituals(team.manager, team.reports, horizon, calendars);
  for (const team of teams) {
    team.reports.forEach((report, index) =>
      addOneOnOnes(team.manager, report, index, team.reports.length, horizon, calendars),
    );
  }
  for (const user of users) addPersonalBlocks(user, horizon, calendars);

  const oof = options.outOfOffice;
  const oofUser = oof ? byId.get(oof.userId) : undefined;
  if (oof && oofUser) addOutOfOfficeWeek(oofUser, oof.week, horizon, calendars);

  for (const user of users) user.busy = (calendars.get(user.id) ?? []).sort(byStart);
}

function addTeamRituals(
  manager: DemoUser,
  reports: DemoUser[],
  horizon: BusyHorizon,
  calendars: Calendars,
): void {
  const zone = manager.mailboxSettings.workingHours.timeZone.name;
  const team = [manager, ...reports];
  const syncName = manager.managerId ? `${manager.givenName}'s team stand-up` : 'Leadership sync';
  for (const day of horizon.days) {
    if (reports.length >= 2 && (day.weekday === 'tuesday' || day.weekday === 'thursday')) {
      const standup = busyBlock(day.date, 9 * 60 + 30, 15, zone, syncName);
      for (const member of team) addIfWorking(member, day, standup, calendars);
    }
    if (day.weekday === 'wednesday') {
      const meeting = busyBlock(
        day.date,
        11 * 60,
        45,
        zone,
        `${manager.displayName}'s team meeting`,
      );
      for (const member of team) addIfWorking(member, day, meeting, calendars);
    }
  }
}

/**
 * A 1:1 sits on both calendars at the same instant: the first of the manager's slots, then the
 * report's slots, that is inside both people's hours and free on both calendars. If the two never
 * overlap (Seattle and Bengaluru), it goes at 09:00 for the manager and the report stretches.
 */
function addOneOnOnes(
  manager: DemoUser,
  report: DemoUser,
  index: number,
  teamSize: number,
  horizon: BusyHorizon,
  calendars: Calendars,
): void {
  const biweekly = teamSize > WEEKLY_ONE_ON_ONE_LIMIT;
  const slot = biweekly ? Math.floor(index / 2) : index;
  const weekday = ONE_ON_ONE_DAYS[slot % ONE_ON_ONE_DAYS.length];
  const preferred =
    ONE_ON_ONE_TIMES[Math.floor(slot / ONE_ON_ONE_DAYS.length) % ONE_ON_ONE_TIMES.length];
  const managerHours = manager.mailboxSettings.workingHours;
  const reportHours = report.mailboxSettings.workingHours;
  const subject = `1:1 ${report.givenName} / ${manager.givenName}`;
  const managerCalendar = calendars.get(manager.id) ?? [];
  const reportCalendar = calendars.get(report.id) ?? [];

  for (const day of horizon.days) {
    if (day.weekday !== weekday || (biweekly && day.week % 2 !== index % 2)) continue;
    const candidates = [
      ...[preferred, ...ONE_ON_ONE_TIMES].map((t) =>
        busyBlock(day.date, t, 30, managerHours.timeZone.name, subject),
      ),
      ...ONE_ON_ONE_TIMES.map((t) =>
        busyBlock(day.date, t, 30, reportHours.timeZone.name, subject),
      ),
    ];
    const fits = (b: DemoBusyBlock) =>
      isWithinWorkingHours(managerHours, day, new Date(b.start), new Date(b.end)) &&
      isWithinWorkingHours(reportHours, day, new Date(b.start), new Date(b.end)) &&
      isFree(managerCalendar, b) &&
      isFree(reportCalendar, b);
    const chosen =
      candidates.find(fits) ?? busyBlock(day.date, 9 * 60, 30, managerHours.timeZone.name, subject);
    managerCalendar.push(chosen);
    reportCalendar.push({ ...chosen });
  }
}

function addPersonalBlocks(user: DemoUser, horizon: BusyHorizon, calendars: Calendars): void {
  const calendar = calendars.get(user.id);
  if (!calendar) return;
  const hours = user.mailboxSettings.workingHours;
  const zone = hours.timeZone.name;
  const focusCandidates = FOCUS_DAYS.filter((d) => hours.daysOfWeek.includes(d));
  const focusDay = focusCandidates[hashSeed(user.id) % focusCandidates.length];
  const addIfFree = (block: DemoBusyBlock) => {
    if (isFree(calendar, block)) calendar.push(block);
  };
  for (const day of horizon.days) {
    if (day.weekday === focusDay) addIfFree(busyBlock(day.date, 10 * 60, 120, zone, 'Focus time'));
    if (day.weekday === 'friday' && day.week % 2 === 0 && hours.daysOfWeek.includes('friday')) {
      addIfFree(busyBlock(day.date, 12 * 60, 60, zone, 'Lunch & learn', 'tentative'));
    }
    if (user.department === 'Sales' && day.weekday === 'thursday' && day.week % 2 === 1) {
      addIfFree(busyBlock(day.date, 13 * 60, 180, zone, 'Customer visits', 'workingElsewhere'));
    }
  }
}

function addOutOfOfficeWeek(
  user: DemoUser,
  week: number,
  horizon: BusyHorizon,
  calendars: Calendars,
): void {
  const calendar = calendars.get(user.id);
  const monday = horizon.days.find((d) => d.week === week && d.weekday === 'monday');
  if (!calendar || !monday) return;
  const away = busyBlock(
    monday.date,
    0,
    5 * 24 * 60,
    user.mailboxSettings.workingHours.timeZone.name,
    'Out of office: family holiday',
    'oof',
  );
  // The recurring meetings of that week are declined, so they leave the calendar.
  const kept = calendar.filter((b) => b.end <= away.start || b.start >= away.end);
  calendars.set(user.id, [...kept, away]);
}

function addIfWorking(
  user: DemoUser,
  day: HorizonDay,
  block: DemoBusyBlock,
  calendars: Calendars,
): void {
  const calendar = calendars.get(user.id);
  const inHours = isWithinWorkingHours(
    user.mailboxSettings.workingHours,
    day,
    new Date(block.start),
    new Date(block.end),
  );
  if (calendar && inHours) calendar.push({ ...block });
}

/** ISO strings of the same format compare correctly as text. */
function isFree(calendar: DemoBusyBlock[], block: DemoBusyBlock): boolean {
  return calendar.every((b) => b.end <= block.start || b.start >= block.end);
}
