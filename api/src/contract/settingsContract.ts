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
