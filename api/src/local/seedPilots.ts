import { DEFAULT_TENANT_SETTINGS } from '../contract/settingsContract';
import type { Services } from '../services';
import type { DemoDirectory } from './demo-org/types';

/**
 * Gives each demo tenant that names a pilot group (Contoso, a generated org) that group as its
 * pilot, as its admin would in Settings, so `npm start` books the demo pairs. Only where the
 * tenant has no stored settings yet: a choice made in the tab (or kept in --data-dir) stands.
 * Fabrikam names none and so starts as a real deployment does, booking nobody.
 */
export async function seedDemoPilots(services: Services, directory: DemoDirectory): Promise<void> {
  for (const tenant of directory.tenants) {
    const group = directory.groups?.find((g) => g.id === tenant.pilotGroupId);
    if (!group) continue;
    const stored = await services.settings.read(tenant.id);
    if (stored.etag !== null) continue;
    await services.settings.write(
      tenant.id,
      {
        ...DEFAULT_TENANT_SETTINGS,
        pilot: { group: { id: group.id, displayName: group.displayName } },
      },
      { id: 'local-demo-seed', displayName: 'Local demo data' },
      null,
      services.now().toISOString(),
    );
  }
}
