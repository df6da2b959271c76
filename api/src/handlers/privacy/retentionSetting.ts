import { z } from 'zod';

import type { TenantSettings } from '../../contract/settingsContract';

/**
 * A settings PUT that leaves out `leaverRetentionDays` keeps the stored value instead of falling
 * back to the default: a settings screen (or script) written before the field existed must not
 * quietly shorten how long leavers' data is kept. Every other field keeps its usual meaning.
 */
export function keepingStoredRetention<S extends z.ZodType>(schema: S, stored: TenantSettings) {
  return z.preprocess(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      !('leaverRetentionDays' in value)
        ? { ...value, leaverRetentionDays: stored.leaverRetentionDays }
        : value,
    schema,
  );
}
