import type { Container } from '@azure/cosmos';

import { DEFAULT_TENANT_SETTINGS, storedTenantSettingsSchema } from '../contract/settingsContract';
import type { TenantSettings } from '../contract/settingsContract';
import type { StoredSettings } from '../domain/settings/storedSettings';
import { staleWrite } from '../errors/storeOutcome';
import { cosmosStatus } from './cosmosErrors';

/** One settings document per tenant, in the tenant's partition. */

interface SettingsDocument {
  id: 'settings';
  pk: string;
  tenantId: string;
  settings: TenantSettings;
  updatedAt: string;
  updatedBy: { id: string; displayName: string };
  _etag?: string;
}

export interface SettingsRepository {
  read(tenantId: string): Promise<StoredSettings>;
  write(
    tenantId: string,
    settings: TenantSettings,
    by: { id: string; displayName: string },
    storedEtag: string | null,
    now: string,
  ): Promise<StoredSettings>;
  /** Tenants that have saved settings: they have installed the app. */
  tenantsWithSettings(): Promise<string[]>;
}

export function createSettingsRepository(container: Container): SettingsRepository {
  return {
    async read(tenantId) {
      const { resource } = await container.item('settings', tenantId).read<SettingsDocument>();
      if (!resource)
        return { settings: DEFAULT_TENANT_SETTINGS, etag: null, updatedAt: null, updatedBy: null };
      // Re-validate: a document written by an older version still yields complete settings.
      const parsed = storedTenantSettingsSchema.safeParse(resource.settings);
      return {
        settings: parsed.success ? parsed.data : DEFAULT_TENANT_SETTINGS,
        etag: resource._etag ?? null,
        updatedAt: resource.updatedAt,
        updatedBy: resource.updatedBy,
      };
    },
    async write(tenantId, settings, by, storedEtag, now) {
      const doc: SettingsDocument = {
        id: 'settings',
        pk: tenantId,
        tenantId,
        settings,
        updatedAt: now,
        updatedBy: by,
      };
      try {
        const { resource } = storedEtag
          ? await container
              .item('settings', tenantId)
              .replace(doc, { accessCondition: { type: 'IfMatch', condition: storedEtag } })
          : await container.items.create(doc);
        return { settings, etag: resource?._etag ?? null, updatedAt: now, updatedBy: by };
      } catch (error) {
        if ([409, 412, 404].includes(cosmosStatus(error) ?? 0)) throw staleWrite('The settings');
        throw error;
      }
    },
    async tenantsWithSettings() {
      const { resources } = await container.items
        .query<string>("SELECT VALUE c.tenantId FROM c WHERE c.id = 'settings'")
        .fetchAll();
      return resources;
    },
  };
}
