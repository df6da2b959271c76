import type { ScheduleInformation, ScheduleItem } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';

import {
  parseDateTimeTimeZone,
  preferenceApplied,
  preferredTimeZone,
  renderDateTimeTimeZone,
} from './calendarTime';
import { availabilityView, busyItems } from './freeBusy';
import { GraphHttpError } from './graphErrors';
import type { GraphRequestContext, GraphResult, GraphRoute } from './graphRoute';
import { READ_CALENDARS_ROLES, findMailboxOrThrow, findUserByAddress } from './mailboxes';
import { assertOnlyOptions } from './odataQuery';
import { canonicalKeys, parseBody } from './requestBody';
import { renderMailboxSettings } from './userPayload';

/**
 * `POST /users/{id|upn}/calendar/getSchedule`: free/busy of up to 20 people in one call, with
 * their working hours. Limits and error shapes follow what Graph answers:
 * - more than 20 schedules: 400 ErrorMailboxDataArrayTooBig (the documented limit is 20; the live
 *   service has been reported to allow 100, so never rely on more than 20);
 * - a window longer than 62 days: 400 ErrorTimeIntervalTooBig, "The allowed limit = 62 days"
 *   (a 62-day window itself is accepted); an end not after the start: 400 ErrorInvalidTimeInterval;
 * - an address that resolves to nobody is not an HTTP error: its entry carries
 *   `error: { message, responseCode }`, as Graph reports "Unable to resolve e-mail address".
 */

export const MAX_SCHEDULES = 20;
export const MAX_WINDOW_DAYS = 62;
const DAY_MS = 86_400_000;

const dateTimeTimeZone = z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1) });

const getScheduleBody = z.strictObject({
  schedules: z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'give at least one'),
  startTime: dateTimeTimeZone,
  endTime: dateTimeTimeZone,
  // The docs' own example sends "15" as a string; Outlook accepts both.
  availabilityViewInterval: z.coerce
    .number()
    .int('must be a whole number of minutes')
    .min(5, 'the minimum is 5')
    .max(1440, 'the maximum is 1440')
    .optional(),
});

export function scheduleRoutes(): GraphRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/users\/([^/]+)\/calendar\/getSchedule\/?$/i,
      anyRole: READ_CALENDARS_ROLES,
      handle: getSchedule,
    },
  ];
}

function getSchedule(context: GraphRequestContext, [mailbox]: string[]): GraphResult {
  assertOnlyOptions(context.query, []);
  findMailboxOrThrow(context.store, context.tenantId, mailbox);
  const preferred = preferredTimeZone(context.headers);
  const rawSchedules = (canonicalKeys(context.body, ['schedules']) as { schedules?: unknown })
    ?.schedules;
  if (Array.isArray(rawSchedules) && rawSchedules.length > MAX_SCHEDULES) {
    throw new GraphHttpError(
      400,
      'ErrorMailboxDataArrayTooBig',
      `There are too many target users in the EmailAddress array. The allowed size = ${MAX_SCHEDULES}; the actual size = ${rawSchedules.length}.`,
    );
  }
  const body = parseBody(
    getScheduleBody,
    canonicalKeys(context.body, ['schedules', 'startTime', 'endTime', 'availabilityViewInterval']),
    'microsoft.graph.getSchedule',
  );
  const fromMs = parseDateTimeTimeZone(body.startTime);
  const toMs = parseDateTimeTimeZone(body.endTime);
  assertWindow(fromMs, toMs);
  const interval = body.availabilityViewInterval ?? 30;

  const value = body.schedules.map((scheduleId): ScheduleInformation => {
    const user = findUserByAddress(context.store, context.tenantId, scheduleId);
    if (!user) {
      return {
        scheduleId,
        error: {
          message: `Unable to resolve e-mail address ${scheduleId} to an Active Directory object.`,
          responseCode: '5009',
        },
      };
    }
    const settings = renderMailboxSettings(user);
    if (!settings) {
      // Modelled: a directory user without an Exchange mailbox has no free/busy to share.
      return {
        scheduleId,
        error: {
          message: `The mailbox of ${scheduleId} could not be found.`,
          responseCode: 'ErrorMailRecipientNotFound',
        },
      };
    }
    const items = busyItems(user, context.events, fromMs, toMs);
    return {
      scheduleId,
      availabilityView: availabilityView(items, fromMs, toMs, interval),
      scheduleItems: items.map((item): ScheduleItem => ({
        isPrivate: false,
        status: item.status,
        subject: item.subject,
        location: item.location,
        start: renderDateTimeTimeZone(item.startMs, preferred.zone),
        end: renderDateTimeTimeZone(item.endMs, preferred.zone),
      })),
      workingHours: settings.workingHours,
    };
  });

  return {
    status: 200,
    body: {
      '@odata.context': context.links.context('Collection(microsoft.graph.scheduleInformation)'),
      value,
    },
    headers: preferenceApplied(preferred),
  };
}

function assertWindow(fromMs: number, toMs: number): void {
  if (toMs <= fromMs) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidTimeInterval',
      'The time duration specified for FreeBusyViewOptions.TimeWindow is invalid.',
    );
  }
  const days = Math.ceil((toMs - fromMs) / DAY_MS);
  if (toMs - fromMs > MAX_WINDOW_DAYS * DAY_MS) {
    throw new GraphHttpError(
      400,
      'ErrorTimeIntervalTooBig',
      `The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = ${MAX_WINDOW_DAYS} days; the actual limit = ${days} days.`,
    );
  }
}
