import type { TenantSettings } from '../../contract/settingsContract';

/** A tenant's settings with the version they were read at (null before the first save). */
export interface StoredSettings {
  settings: TenantSettings;
  etag: string | null;
  updatedAt: string | null;
  updatedBy: { id: string; displayName: string } | null;
}
