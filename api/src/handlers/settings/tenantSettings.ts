import type { HttpResponseInit } from '@azure/functions';

import { tenantSettingsSchema } from '../../contract/settingsContract';
import type { TenantSettingsView } from '../../contract/settingsContract';
import { etagMatches, toHttpEtag } from '../../domain/board/etags';
import { jsonBody, optionalIfMatch, requiredIfMatch } from '../../http/requestParsing';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import type { StoredSettings } from '../../domain/settings/storedSettings';
import { staleWrite } from '../../errors/storeOutcome';
import { keepingStoredRetention } from '../privacy/retentionSetting';
import { requireAdmin } from './requireAdmin';

/** GET/PUT settings: tenant admins only (app role `Admin`). Never exposes board content. */

function view(stored: StoredSettings): TenantSettingsView {
  return {
    ...stored.settings,
    etag: stored.etag ? toHttpEtag(stored.etag) : null,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

export async function readSettings(input: CallerRouteInput): Promise<HttpResponseInit> {
  requireAdmin(input);
  const stored = await input.services.settings.read(input.caller.tenantId);
  return ok(view(stored), stored.etag ? { ETag: toHttpEtag(stored.etag) } : {});
}

/**
 * PUT settings. Once a tenant has settings, a change needs the ETag it was made from (If-Match:
 * missing 428, stale 412), so two admins never silently overwrite each other. The very first save
 * has nothing to match; a concurrent first save loses with 412 in the repository.
 */
export async function writeSettings(input: CallerRouteInput): Promise<HttpResponseInit> {
  requireAdmin(input);
  const { caller, services } = input;
  const current = await services.settings.read(caller.tenantId);
  const settings = await jsonBody(
    input.request,
    keepingStoredRetention(tenantSettingsSchema, current.settings),
  );
  const ifMatch =
    current.etag === null ? optionalIfMatch(input.request) : requiredIfMatch(input.request);
  if (ifMatch !== null && (current.etag === null || !etagMatches(ifMatch, current.etag)))
    throw staleWrite('The settings');
  const saved = await services.settings.write(
    caller.tenantId,
    settings,
    { id: caller.userId, displayName: caller.displayName },
    current.etag,
    services.now().toISOString(),
  );
  return ok(view(saved), saved.etag ? { ETag: toHttpEtag(saved.etag) } : {});
}
