import { buildDemoDirectory, DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import {
  GENERATED_TENANT,
  withGeneratedOrg,
} from '../../../../api/src/local/demo-org/generatedTenant';

const now = new Date('2025-02-10T12:00:00Z');

describe('npm start --org-size: a generated organisation beside the demo tenants', () => {
  const demo = buildDemoDirectory(now);
  const { directory, guide } = withGeneratedOrg(demo, 1_000, now);
  const generated = directory.users.filter((u) => u.tenantId === GENERATED_TENANT.tenantId);

  it('adds exactly that many people in a tenant of their own, keeping every demo person', () => {
    expect(directory.tenants.map((t) => t.id)).toEqual([
      ...demo.tenants.map((t) => t.id),
      GENERATED_TENANT.tenantId,
    ]);
    expect(generated).toHaveLength(1_000);
    expect(directory.users.length).toBe(demo.users.length + 1_000);
    expect(directory.users.some((u) => u.id === DEMO.contoso.employee)).toBe(true);
    expect(new Set(directory.users.map((u) => u.id)).size).toBe(directory.users.length);
  });

  it('suggests people to sign in as: the top, the biggest team, and someone in that team', () => {
    const reportsOf = (id: string) => generated.filter((u) => u.managerId === id).length;
    expect(guide.ceo.managerId).toBeNull();
    expect(reportsOf(guide.busiestManager.id)).toBe(
      Math.max(...generated.map((u) => reportsOf(u.id))),
    );
    expect(guide.employee.managerId).toBe(guide.busiestManager.id);
    expect(guide.employee.mail).not.toBeNull();
    expect(guide.levels).toBeGreaterThanOrEqual(3);
  });

  it('is the same organisation on every start', () => {
    const again = withGeneratedOrg(buildDemoDirectory(now), 1_000, now);
    expect(again.directory.users.map((u) => u.id)).toEqual(directory.users.map((u) => u.id));
    expect(again.guide.employee.id).toBe(guide.employee.id);
  });
});
