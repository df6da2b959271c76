import { z } from 'zod';

import { leaverRetentionDaysSchema } from './retentionContract';

/** Tenant settings an admin controls: how and when conversations are booked, and for whom. */

const DAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Settings stored before the pilot was a group held `{ scope: 'everyone' }` (the old default) or
 * `{ scope: 'departments', departments }`. Neither names a group, and department names cannot be
 * matched to an Exchange scope, so both read as "no pilot chosen": the tenant books nobody until
 * an admin picks a group, rather than silently booking the whole tenant (docs/deploy.md).
 */
export function migrateLegacyPilot(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'scope' in value && !('group' in value))
    return { group: null };
  return value;
}

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'Use a time like 09:00.');

/**
 * An IANA zone name this runtime knows (as the slot finder will read it), e.g. Europe/Berlin or
 * UTC. Offsets ("+01:00") and Windows names are refused here: say which zone, not which offset.
 */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const pilotSchema = z.strictObject({
  group: z
    .strictObject({
      id: z.string().regex(GUID, 'Choose a group from the search: its id is a GUID.'),
      displayName: z.string().trim().min(1).max(256),
    })
    .nullable(),
});

/** True for a real date (YYYY-MM-DD) or a day of the year (MM-DD, 02-29 allowed). */
export function isNonWorkingDate(value: string): boolean {
  const match = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, year = '2028', month = '', day = ''] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

const nonWorkingDate = z
  .string()
  .trim()
  .refine(isNonWorkingDate, 'Use a date like 2027-04-02, or 12-25 for the same day every year.');
const nonWorkingDateList = z
  .array(nonWorkingDate)
  .max(100, 'At most 100 dates.')
  .refine((dates) => new Set(dates).size === dates.length, 'Each date once.');

/** The stretch defaults a reasonable admin would pick: nobody before 07:30 or after 20:00 local. */
export const DEFAULT_STRETCH = { enabled: true, earliest: '07:30', latest: '20:00' } as const;

/** Days nobody is booked on unless the admin changes them: New Year and the Christmas days. */
export const DEFAULT_NON_WORKING_DATES = {
  everyone: ['01-01', '12-24', '12-25', '12-26', '12-31'],
  byOffice: [],
};

export const tenantSettingsSchema = z.strictObject({
  /** Conversations happen once a quarter; the only cadence offered today. */
  cadence: z.literal('quarterly', { error: 'Cadence must be "quarterly".' }).default('quarterly'),
  durationMinutes: z
    .number()
    .int()
    .min(15, 'At least 15 minutes.')
    .max(120, 'At most 120 minutes.')
    .default(30),
  window: z
    .strictObject({
      startWeek: z.number().int().min(1).max(13),
      endWeek: z.number().int().min(1).max(13),
    })
    .refine((w) => w.startWeek <= w.endWeek, 'The window must start before it ends.')
    .default({ startWeek: 2, endWeek: 6 }),
  dailyCap: z.number().int().min(1, 'At least 1 a day.').max(10, 'At most 10 a day.').default(3),
  workingHoursFallback: z
    .strictObject({
      daysOfWeek: z.array(z.enum(DAYS)).min(1, 'Pick at least one working day.'),
      startTime: clock,
      endTime: clock,
      timeZone: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .refine(isIanaTimeZone, 'Use an IANA time zone such as Europe/Berlin or UTC.'),
    })
    .refine((h) => h.startTime < h.endTime, 'Working hours must start before they end.')
    .default({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '09:00',
      endTime: '17:00',
      timeZone: 'UTC',
    }),
  /**
   * Who Career Board books: the members (direct or nested) of one Entra security group, the same
   * group the Exchange management scope names, so calendar access and booking cover the same
   * people. None by default: until an admin chooses a group the pass books and notifies nobody.
   */
  pilot: pilotSchema.default({ group: null }),
  /** Days a person's data is kept after they leave the org chart, then erased (README: Leavers). */
  leaverRetentionDays: leaverRetentionDaysSchema,
  /**
   * When two people's working hours never overlap: book inside these local limits (each person
   * in their own zone), or, when off, ask the manager to pick a slot.
   */
  stretch: z
    .strictObject({
      enabled: z.boolean(),
      earliest: clock,
      latest: clock,
    })
    .refine((s) => s.earliest < s.latest, 'The earliest time must come before the latest.')
    .default({ ...DEFAULT_STRETCH }),
  /** Dates nobody is booked on: for everyone, and per office (Graph officeLocation starts with it). */
  nonWorkingDates: z
    .strictObject({
      everyone: nonWorkingDateList,
      byOffice: z
        .array(
          z.strictObject({
            office: z.string().trim().min(1, 'Name the office, e.g. Berlin.').max(100),
            dates: nonWorkingDateList.min(1, 'Give the office at least one date.'),
          }),
        )
        .max(50, 'At most 50 offices.'),
    })
    .default({ everyone: [...DEFAULT_NON_WORKING_DATES.everyone], byOffice: [] }),
  /**
   * The daily pass installs Career Board and pins the pair's board in each pair's 1:1 chat and in
   * their booked meeting's chat. Off by default: it needs three more Graph permissions the admin
   * grants first (docs/deploy.md: Auto-pinning); while off, no chat, app or tab call is made.
   */
  autoPinning: z.boolean().default(false),
});

/**
 * Settings as stored: an older document's pilot migrates on read (migrateLegacyPilot); a PUT
 * must use the current shape (tenantSettingsSchema), so no client keeps writing the old one.
 */
export const storedTenantSettingsSchema = tenantSettingsSchema.extend({
  pilot: z.preprocess(migrateLegacyPilot, pilotSchema).default({ group: null }),
});

export type PilotGroup = NonNullable<TenantSettings['pilot']['group']>;
export type TenantSettings = z.output<typeof tenantSettingsSchema>;
export type TenantSettingsInput = z.input<typeof tenantSettingsSchema>;

export const DEFAULT_TENANT_SETTINGS: TenantSettings = tenantSettingsSchema.parse({});

export interface TenantSettingsView extends TenantSettings {
  etag: string | null;
  updatedAt: string | null;
  updatedBy: { id: string; displayName: string } | null;
}

/** GET settings/pilot-groups?search=…: security groups whose name starts with the text. */
export interface PilotGroupSearchView {
  groups: PilotGroup[];
}
