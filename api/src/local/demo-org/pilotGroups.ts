import { deterministicGuid } from './prng';
import type { DemoGroup, DemoTenant, DemoUser } from './types';

/** The Entra groups of a demo tenant, and the pilot group an admin would choose in Settings. */

export const PILOT_GROUP_NAME = 'Career Board pilot';

export function demoGroupId(tenantId: string, key: string): string {
  return deterministicGuid(`${tenantId}:group:${key}`);
}

/**
 * A "Career Board pilot" security group holding the tenant's people, with `nested` groups as
 * members in their place (their members count through transitiveMembers, as in Entra).
 */
export function pilotGroup(
  tenant: DemoTenant,
  users: DemoUser[],
  nested: DemoGroup[] = [],
): DemoGroup {
  const inNested = new Set(nested.flatMap((g) => g.memberIds));
  return {
    id: demoGroupId(tenant.id, 'pilot'),
    tenantId: tenant.id,
    displayName: PILOT_GROUP_NAME,
    securityEnabled: true,
    memberIds: [
      ...nested.map((g) => g.id),
      ...users.filter((u) => !inNested.has(u.id)).map((u) => u.id),
    ],
  };
}
