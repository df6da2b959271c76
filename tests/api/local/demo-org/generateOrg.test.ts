import { generateOrg } from '../../../../api/src/local/demo-org/generateOrg';
import type { GenerateOrgOptions } from '../../../../api/src/local/demo-org/generateOrg';
import type { DemoDirectory, DemoUser } from '../../../../api/src/local/demo-org/types';
import { ianaOf, isInsideWorkingHours } from './localTime';

const options = (size: number, seed: number | string = 7): GenerateOrgOptions => ({
  tenantId: '0b1e2c3d-0000-4000-8000-00000000b16b',
  tenantName: 'Northwind',
  domain: 'northwind.example',
  size,
  seed,
  now: new Date('2025-02-10T12:00:00Z'),
});

function shape(directory: DemoDirectory) {
  const byId = new Map(directory.users.map((u) => [u.id, u]));
  const depthOf = (u: DemoUser): number =>
    u.managerId ? 1 + depthOf(byId.get(u.managerId) as DemoUser) : 0;
  const spans = new Map<string, number>();
  for (const u of directory.users)
    if (u.managerId) spans.set(u.managerId, (spans.get(u.managerId) ?? 0) + 1);
  return {
    levels: Math.max(...directory.users.map(depthOf)) + 1,
    spans: [...spans.values()],
    byId,
  };
}

describe('generateOrg', () => {
  const big = generateOrg(options(10_000));
  const bigShape = shape(big);

  it('produces exactly the requested head count in one tenant under one root', () => {
    expect(big.tenants).toEqual([
      {
        id: '0b1e2c3d-0000-4000-8000-00000000b16b',
        displayName: 'Northwind',
        domain: 'northwind.example',
        pilotGroupId: expect.any(String),
      },
    ]);
    // The generated org's pilot is a group of everyone, so a scheduling pass over it books.
    const pilot = big.groups?.find((g) => g.id === big.tenants[0].pilotGroupId);
    expect(pilot?.tenantId).toBe(big.tenants[0].id);
    expect(big.users).toHaveLength(10_000);
    expect(big.users.filter((u) => u.managerId === null)).toHaveLength(1);
    expect(big.users.every((u) => u.tenantId === big.tenants[0].id)).toBe(true);
  });

  it('builds a tree with spans of 5 to 12 whose depth grows with size', () => {
    expect(Math.min(...bigShape.spans)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...bigShape.spans)).toBeLessThanOrEqual(12);
    for (const user of big.users.filter((u) => u.managerId))
      expect(bigShape.byId.has(user.managerId ?? '')).toBe(true);
    const levels = [50, 500, 10_000].map(
      (size) => (size === 10_000 ? bigShape : shape(generateOrg(options(size)))).levels,
    );
    expect(levels[0]).toBeLessThan(levels[1]);
    expect(levels[1]).toBeLessThan(levels[2]);
    expect(levels[2]).toBeGreaterThanOrEqual(5);
  });

  it('gives unique ids and addresses, time zones, working hours and a few busy blocks to everyone', () => {
    expect(new Set(big.users.map((u) => u.id)).size).toBe(10_000);
    expect(new Set(big.users.map((u) => u.userPrincipalName)).size).toBe(10_000);
    expect(
      new Set(big.users.map((u) => ianaOf(u.mailboxSettings.timeZone))).size,
    ).toBeGreaterThanOrEqual(3);
    const withCalendar = big.users.filter(
      (u) => u.accountEnabled && u.mail !== null && u.userType === 'Member',
    );
    for (const user of withCalendar) {
      expect(user.busy.length).toBeGreaterThanOrEqual(1);
      expect(user.busy.length).toBeLessThanOrEqual(5);
      for (const b of user.busy)
        expect(isInsideWorkingHours(b.start, b.end, user.mailboxSettings.workingHours)).toBe(true);
    }
    expect(big.users.filter((u) => u.isCareerBoardAdmin).length).toBeGreaterThanOrEqual(1);
  });

  it('includes the odd disabled account, guest and person without a mailbox, as real tenants do', () => {
    expect(big.users.some((u) => !u.accountEnabled)).toBe(true);
    expect(big.users.some((u) => u.userType === 'Guest')).toBe(true);
    expect(big.users.some((u) => u.userType === 'Member' && u.mail === null)).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateOrg(options(300, 'abc'))).toEqual(generateOrg(options(300, 'abc')));
    expect(generateOrg(options(300, 'abc')).users[1].id).not.toBe(
      generateOrg(options(300, 'xyz')).users[1].id,
    );
  });

  // Its speed is measured in the bench (bench/org.ts generates every size), not in a timed test.
  it('generates an organisation of 10,000 people, each with a unique id', () => {
    const users = generateOrg(options(10_000, 'timing')).users;
    expect(users).toHaveLength(10_000);
    expect(new Set(users.map((u) => u.id)).size).toBe(10_000);
  });

  it('handles tiny organisations and refuses an empty one', () => {
    expect(generateOrg(options(1)).users).toHaveLength(1);
    expect(shape(generateOrg(options(3))).spans).toEqual([2]);
    expect(() => generateOrg(options(0))).toThrow(RangeError);
  });
});
