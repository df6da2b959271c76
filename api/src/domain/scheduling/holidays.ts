import type { IsoInterval } from './intervals';
import { parseCalendarDate } from './timeZones';

/**
 * Non-working dates an admin sets: for everyone, and per office (matched against the start of
 * Graph's `officeLocation`, e.g. "Berlin" matches "Berlin 4.12"). A date is either one day
 * ("2027-04-02") or the same day every year ("12-25"). They are local dates: the 25th of December
 * is a holiday in Bengaluru from its midnight, not from UTC's.
 */
export interface NonWorkingDates {
  readonly everyone: readonly string[];
  readonly byOffice: readonly { readonly office: string; readonly dates: readonly string[] }[];
}

const YEARLY = /^(\d{2})-(\d{2})$/;

/** Whether an office rule covers someone with this `officeLocation`. */
export function officeMatches(office: string, officeLocation: string | null | undefined): boolean {
  return (officeLocation ?? '').trim().toLowerCase().startsWith(office.trim().toLowerCase());
}

/**
 * The local dates (YYYY-MM-DD) someone in `officeLocation` does not work on around `window`:
 * yearly dates are repeated for every year the window touches (a day either side, since a local
 * date can fall a day off the UTC one).
 */
export function daysOffFor(
  officeLocation: string | null | undefined,
  rules: NonWorkingDates,
  window: IsoInterval,
): string[] {
  const dates = [
    ...rules.everyone,
    ...rules.byOffice
      .filter((r) => officeMatches(r.office, officeLocation))
      .flatMap((r) => r.dates),
  ];
  const DAY = 86_400_000;
  const firstYear = new Date(Date.parse(window.start) - DAY).getUTCFullYear();
  const lastYear = new Date(Date.parse(window.end) + DAY).getUTCFullYear();
  const result = new Set<string>();
  for (const date of dates) {
    if (!YEARLY.test(date)) {
      result.add(date);
      continue;
    }
    for (let year = firstYear; year <= lastYear; year++) {
      const concrete = `${year}-${date}`;
      // 02-29 exists only in leap years.
      if (parseCalendarDate(concrete) !== undefined) result.add(concrete);
    }
  }
  return [...result].sort();
}
