import type { TestStack } from './testStack';

/**
 * What the daily org sync leaves behind: the demo pilot group's members recorded for `tenantId`,
 * so notices to them are sent (the pilot rule sends only to members).
 */
export async function recordDemoPilotMembers(stack: TestStack, tenantId: string): Promise<void> {
  const pilot = stack.orgStore.snapshot().tenants.find((t) => t.id === tenantId)!;
  const members = stack.orgStore.transitiveUsers(tenantId, pilot.pilotGroupId!);
  await stack.services.orgChart.writePilotMembers(
    tenantId,
    pilot.pilotGroupId!,
    members.map((u) => u.id),
    new Date().toISOString(),
  );
}
