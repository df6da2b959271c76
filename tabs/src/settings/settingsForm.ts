import { tenantSettingsSchema } from '@contract/settingsContract';
import type { PilotGroup, TenantSettings, TenantSettingsInput } from '@contract/settingsContract';
import { fieldErrorsFromZod } from '../forms/fieldErrors';
import type { FieldErrors } from '../forms/fieldErrors';

/** The settings form as typed: plain strings, checked against the API's own schema on save. */

export const WEEK_DAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

export const DAY_TEXT: Record<WeekDay, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

export interface SettingsFormValues {
  durationMinutes: string;
  startWeek: string;
  endWeek: string;
  dailyCap: string;
  days: WeekDay[];
  startTime: string;
  endTime: string;
  timeZone: string;
  /** The Entra group whose members take part; null until an admin picks one (nobody is booked). */
  pilotGroup: PilotGroup | null;
  leaverRetentionDays: string;
  /** Book pairs whose working hours never meet inside these local limits. */
  stretchEnabled: boolean;
  stretchEarliest: string;
  stretchLatest: string;
  /** Days off for everyone, as typed: "12-25, 2027-04-02". */
  daysOff: string;
  /** Days off per office, one office a line: "Berlin: 2027-10-03, 12-24". */
  officeDaysOff: string;
  /** Pin the board in each pair's 1:1 chat and meeting chat (needs the permissions in the guide). */
  autoPinning: boolean;
}

/** Where each field's message lives: the schema's own paths, so API messages land there too. */
export const FIELD = {
  durationMinutes: 'durationMinutes',
  startWeek: 'window.startWeek',
  endWeek: 'window.endWeek',
  window: 'window',
  dailyCap: 'dailyCap',
  days: 'workingHoursFallback.daysOfWeek',
  startTime: 'workingHoursFallback.startTime',
  endTime: 'workingHoursFallback.endTime',
  hours: 'workingHoursFallback',
  timeZone: 'workingHoursFallback.timeZone',
  pilotGroup: 'pilot.group',
  leaverRetentionDays: 'leaverRetentionDays',
  stretch: 'stretch',
  stretchEarliest: 'stretch.earliest',
  stretchLatest: 'stretch.latest',
  daysOff: 'nonWorkingDates.everyone',
  officeDaysOff: 'nonWorkingDates.byOffice',
  autoPinning: 'autoPinning',
} as const;

export function formFromSettings(settings: TenantSettings): SettingsFormValues {
  const hours = settings.workingHoursFallback;
  return {
    durationMinutes: String(settings.durationMinutes),
    startWeek: String(settings.window.startWeek),
    endWeek: String(settings.window.endWeek),
    dailyCap: String(settings.dailyCap),
    days: WEEK_DAYS.filter((d) => hours.daysOfWeek.includes(d)),
    startTime: hours.startTime.slice(0, 5),
    endTime: hours.endTime.slice(0, 5),
    timeZone: hours.timeZone,
    pilotGroup: settings.pilot.group,
    leaverRetentionDays: String(settings.leaverRetentionDays),
    stretchEnabled: settings.stretch.enabled,
    stretchEarliest: settings.stretch.earliest.slice(0, 5),
    stretchLatest: settings.stretch.latest.slice(0, 5),
    daysOff: settings.nonWorkingDates.everyone.join(', '),
    officeDaysOff: settings.nonWorkingDates.byOffice
      .map((o) => `${o.office}: ${o.dates.join(', ')}`)
      .join('\n'),
    autoPinning: settings.autoPinning,
  };
}

const dateList = (text: string): string[] => text.split(/[\s,]+/).filter((d) => d.length > 0);

/** "Berlin: 2027-10-03, 12-24" a line; null when a line does not say which office. */
function officeList(text: string): { office: string; dates: string[] }[] | null {
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  const offices = lines.map((line) => {
    const colon = line.indexOf(':');
    return colon < 0
      ? null
      : { office: line.slice(0, colon).trim(), dates: dateList(line.slice(colon + 1)) };
  });
  return offices.every((o) => o !== null) ? offices : null;
}

/** A message for a date inside a list belongs to the list's field. */
function onListFields(errors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const list = [FIELD.daysOff, FIELD.officeDaysOff].find((f) => path.startsWith(f));
    const key = list ?? path;
    result[key] ??= message;
  }
  return result;
}

/** API field errors (problem+json) for this form: list items land on their list. */
export const formFieldErrors = onListFields;

export type ValidatedSettings =
  { ok: true; value: TenantSettingsInput } | { ok: false; errors: FieldErrors };

/** Whole numbers as typed; anything else is said plainly before the schema sees it. */
function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

export function validateSettings(values: SettingsFormValues): ValidatedSettings {
  const numbers = {
    durationMinutes: wholeNumber(values.durationMinutes),
    startWeek: wholeNumber(values.startWeek),
    endWeek: wholeNumber(values.endWeek),
    dailyCap: wholeNumber(values.dailyCap),
    leaverRetentionDays: wholeNumber(values.leaverRetentionDays),
  };
  const errors: FieldErrors = {};
  for (const [key, value] of Object.entries(numbers))
    if (value === null) errors[FIELD[key as keyof typeof numbers]] = 'Enter a whole number.';
  const offices = officeList(values.officeDaysOff);
  if (offices === null)
    errors[FIELD.officeDaysOff] = 'Write one office a line, such as "Berlin: 2027-10-03, 12-24".';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const candidate = {
    cadence: 'quarterly',
    durationMinutes: numbers.durationMinutes,
    window: { startWeek: numbers.startWeek, endWeek: numbers.endWeek },
    dailyCap: numbers.dailyCap,
    workingHoursFallback: {
      daysOfWeek: values.days,
      startTime: values.startTime,
      endTime: values.endTime,
      timeZone: values.timeZone,
    },
    pilot: { group: values.pilotGroup },
    leaverRetentionDays: numbers.leaverRetentionDays,
    stretch: {
      enabled: values.stretchEnabled,
      earliest: values.stretchEarliest,
      latest: values.stretchLatest,
    },
    nonWorkingDates: { everyone: dateList(values.daysOff), byOffice: offices },
    autoPinning: values.autoPinning,
  };
  const parsed = tenantSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: withWeekRangeMessages(onListFields(fieldErrorsFromZod(parsed.error))),
  };
}

/** The schema says "Too small: expected number to be >=1" for weeks; say what a week is here. */
function withWeekRangeMessages(errors: FieldErrors): FieldErrors {
  const result = { ...errors };
  for (const key of [FIELD.startWeek, FIELD.endWeek])
    if (result[key]) result[key] = 'A quarter has weeks 1 to 13.';
  return result;
}

/** Field by field, what differs between what is typed and what is saved, said for a person. */
export function savedNowHints(
  values: SettingsFormValues,
  saved: TenantSettings,
): Partial<Record<keyof SettingsFormValues, string>> {
  const current = formFromSettings(saved);
  const hints: Partial<Record<keyof SettingsFormValues, string>> = {};
  for (const key of Object.keys(current) as (keyof SettingsFormValues)[]) {
    const mine = JSON.stringify(values[key]);
    const theirs = JSON.stringify(current[key]);
    if (mine === theirs) continue;
    const value = current[key];
    hints[key] =
      typeof value === 'boolean'
        ? value
          ? 'on'
          : 'off'
        : Array.isArray(value)
          ? value.map((d) => DAY_TEXT[d]).join(', ') || '(none)'
          : value === null || typeof value === 'object'
            ? (value?.displayName ?? '(no group)')
            : String(value).replace(/\n/g, ', ') || '(empty)';
  }
  return hints;
}
