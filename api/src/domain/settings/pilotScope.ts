import type { TenantSettings } from '../../contract/settingsContract';

/** Whether a person is inside the tenant's pilot: everyone, or the departments the admin listed. */
export function inPilotScope(pilot: TenantSettings['pilot'], department: string | null): boolean {
  return pilot.scope === 'everyone' || pilot.departments.includes(department ?? '');
}
