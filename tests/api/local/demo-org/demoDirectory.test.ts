import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import type { DemoUser } from '../../../../api/src/local/demo-org/types';
import { ianaOf, isInsideWorkingHours } from './localTime';

const NOW = new Date('2025-05-14T10:00:00Z');
const QUARTER_START = '2025-04-01T00:00:00.000Z';
const HORIZON_END = '2025-10-01T00:00:00.000Z';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const directory = buildDemoDirectory(NOW);
const contoso = directory.users.filter((u) => u.tenantId === DEMO.contoso.tenantId);
const fabrikam = directory.users.filter((u) => u.tenantId === DEMO.fabrikam.tenantId);
const byId = new Map(directory.users.map((u) => [u.id, u]));
const person = (id: string): DemoUser => {
  const user = byId.get(id);
  if (!user) throw new Error(`No demo user ${id}`);
  return user;
};
const depth = (user: DemoUser): number => (user.managerId ? 1 + depth(person(user.managerId)) : 0);
const reportsOf = (id: string) => directory.users.filter((u) => u.managerId === id);
const hasCalendar = (u: DemoUser) => u.accountEnabled && u.mail !== null && u.userType === 'Member';

describe('the demo directory', () => {
  it('has the two tenants with their ids and domains', () => {
    expect(directory.tenants).toEqual([
      {
        id: '7b0c5a3e-1d2f-4c6b-9a8e-c0a7050c0001',
        displayName: 'Contoso',
        domain: 'contoso.example',
        pilotGroupId: expect.any(String),
      },
      {
        id: '5f1d8e2a-3b4c-4d5e-8f90-fab000000002',
        displayName: 'Fabrikam',
        domain: 'fabrikam.example',
      },
    ]);
    expect(contoso.length + fabrikam.length).toBe(directory.users.length);
    // Contoso's demo names its "Career Board pilot" group; Fabrikam names none (the safe default).
    const pilot = directory.groups?.find((g) => g.id === directory.tenants[0].pilotGroupId);
    expect(pilot).toMatchObject({
      tenantId: directory.tenants[0].id,
      displayName: 'Career Board pilot',
    });
  });

  it('gives every person a unique lowercase GUID and a unique user principal name', () => {
    for (const user of directory.users) expect(user.id).toMatch(GUID);
    expect(new Set(directory.users.map((u) => u.id)).size).toBe(directory.users.length);
    expect(new Set(directory.users.map((u) => u.userPrincipalName.toLowerCase())).size).toBe(
      directory.users.length,
    );
  });

  it('gives Contoso at least 40 people in at least 4 levels under one CEO', () => {
    expect(contoso.length).toBeGreaterThanOrEqual(40);
    expect(contoso.filter((u) => u.managerId === null).map((u) => u.id)).toEqual([
      DEMO.contoso.ceo,
    ]);
    expect(Math.max(...contoso.map(depth)) + 1).toBeGreaterThanOrEqual(4);
  });

  it('keeps every manager inside the same tenant', () => {
    for (const user of directory.users.filter((u) => u.managerId)) {
      expect(person(user.managerId ?? '').tenantId).toBe(user.tenantId);
    }
  });

  it('spreads Contoso over at least three time zones, some named the Windows way', () => {
    const zones = new Set(contoso.map((u) => ianaOf(u.mailboxSettings.workingHours.timeZone.name)));
    expect(zones.size).toBeGreaterThanOrEqual(3);
    expect([...zones]).toEqual(
      expect.arrayContaining(['America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata']),
    );
    const windowsNamed = contoso.filter((u) =>
      u.mailboxSettings.workingHours.timeZone.name.endsWith('Standard Time'),
    );
    expect(windowsNamed.map((u) => u.mailboxSettings.workingHours.timeZone.name)).toContain(
      'Pacific Standard Time',
    );
    expect(windowsNamed.length).toBeGreaterThanOrEqual(2);
  });

  it('gives most people Monday to Friday 09:00–17:00, some 08:00–16:00 and one part-timer Monday to Thursday', () => {
    const pattern = (u: DemoUser) => {
      const h = u.mailboxSettings.workingHours;
      return `${h.daysOfWeek.join(',')} ${h.startTime}-${h.endTime}`;
    };
    const weekdays = 'monday,tuesday,wednesday,thursday,friday';
    const counts = new Map<string, number>();
    for (const user of contoso) counts.set(pattern(user), (counts.get(pattern(user)) ?? 0) + 1);
    expect(counts.get(`${weekdays} 09:00:00-17:00:00`) ?? 0).toBeGreaterThan(contoso.length / 2);
    expect(counts.get(`${weekdays} 08:00:00-16:00:00`) ?? 0).toBeGreaterThanOrEqual(2);
    const partTimers = contoso.filter(
      (u) => pattern(u) === 'monday,tuesday,wednesday,thursday 09:00:00-17:00:00',
    );
    expect(partTimers.map((u) => u.id)).toEqual([DEMO.contoso.partTimer]);
  });

  it('has exactly one manager with more than 20 direct reports', () => {
    const bigTeams = contoso.filter((u) => reportsOf(u.id).length > 20);
    expect(bigTeams.map((u) => u.id)).toEqual([DEMO.contoso.bigTeamManager]);
  });

  it('has one disabled account, one guest, one person without a mailbox and two admins in Contoso', () => {
    expect(contoso.filter((u) => !u.accountEnabled).map((u) => u.id)).toEqual([
      DEMO.contoso.disabled,
    ]);
    const guests = contoso.filter((u) => u.userType === 'Guest');
    expect(guests.map((u) => u.id)).toEqual([DEMO.contoso.guest]);
    expect(guests[0].mail).not.toMatch(/@contoso\.example$/);
    expect(guests[0].userPrincipalName).toMatch(/#EXT#@contoso\.example$/);
    const noMailbox = contoso.filter((u) => u.mail === null);
    expect(noMailbox.map((u) => u.id)).toEqual([DEMO.contoso.noMailbox]);
    expect(noMailbox[0].userType).toBe('Member');
    expect(
      contoso
        .filter((u) => u.isCareerBoardAdmin)
        .map((u) => u.id)
        .sort(),
    ).toEqual([DEMO.contoso.admin, DEMO.contoso.secondAdmin].sort());
  });

  it('names the well-known people with the relationships tests rely on', () => {
    const employee = person(DEMO.contoso.employee);
    expect(employee.managerId).toBe(DEMO.contoso.manager);
    expect(person(DEMO.contoso.manager).managerId).toBe(DEMO.contoso.skipLevel);
    expect(person(DEMO.contoso.skipLevel).managerId).not.toBeNull();
    expect(person(DEMO.contoso.peer).managerId).toBe(DEMO.contoso.manager);
    expect(DEMO.contoso.peer).not.toBe(DEMO.contoso.employee);
    for (const id of [
      DEMO.contoso.employee,
      DEMO.contoso.manager,
      DEMO.contoso.skipLevel,
      DEMO.contoso.peer,
    ]) {
      expect(person(id)).toMatchObject({
        accountEnabled: true,
        userType: 'Member',
        tenantId: DEMO.contoso.tenantId,
      });
      expect(person(id).mail).not.toBeNull();
    }
    expect(person(DEMO.contoso.admin).isCareerBoardAdmin).toBe(true);
  });

  it('gives Fabrikam six people in two levels', () => {
    expect(fabrikam).toHaveLength(6);
    expect(new Set(fabrikam.map(depth))).toEqual(new Set([0, 1]));
    expect(person(DEMO.fabrikam.employee).managerId).toBe(DEMO.fabrikam.manager);
    expect(person(DEMO.fabrikam.manager).tenantId).toBe(DEMO.fabrikam.tenantId);
  });
});

describe('demo busy blocks', () => {
  it('lie in this quarter and the next, as UTC instants with the start before the end', () => {
    for (const block of directory.users.flatMap((u) => u.busy)) {
      expect(block.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(block.start < block.end).toBe(true);
      expect(block.start >= QUARTER_START && block.end <= HORIZON_END).toBe(true);
    }
  });

  it('are sorted and number a realistic few per working week for everyone with a calendar', () => {
    const weeks = 26;
    for (const user of directory.users.filter(hasCalendar)) {
      const starts = user.busy.map((b) => b.start);
      expect(starts).toEqual([...starts].sort());
      expect(user.busy.length / weeks).toBeGreaterThanOrEqual(2);
      expect(user.busy.length / weeks).toBeLessThanOrEqual(25);
    }
  });

  it('exist only for people with a mailbox in the tenant', () => {
    for (const id of [DEMO.contoso.guest, DEMO.contoso.disabled, DEMO.contoso.noMailbox]) {
      expect(person(id).busy).toEqual([]);
    }
  });

  it('fall inside the person’s working hours, apart from the odd cross-time-zone 1:1', () => {
    for (const user of directory.users.filter(hasCalendar)) {
      const regular = user.busy.filter((b) => b.showAs !== 'oof');
      const inside = regular.filter((b) =>
        isInsideWorkingHours(b.start, b.end, user.mailboxSettings.workingHours),
      );
      const outside = regular.filter((b) => !inside.includes(b));
      expect(outside.every((b) => b.subject.startsWith('1:1 '))).toBe(true);
      expect(inside.length / regular.length).toBeGreaterThan(0.75);
    }
  });

  it('put each 1:1 on the manager’s and the report’s calendar at the same instant', () => {
    const employee = person(DEMO.contoso.employee);
    const manager = person(DEMO.contoso.manager);
    const oneOnOnes = employee.busy.filter((b) => b.subject === '1:1 Nia / Tobias');
    expect(oneOnOnes.length).toBeGreaterThanOrEqual(20);
    for (const block of oneOnOnes) expect(manager.busy).toContainEqual(block);
  });

  it('include one week out of office for the peer, with no meetings that week', () => {
    const peer = person(DEMO.contoso.peer);
    const away = peer.busy.filter((b) => b.showAs === 'oof');
    expect(away).toHaveLength(1);
    const days = (Date.parse(away[0].end) - Date.parse(away[0].start)) / 86400000;
    expect(days).toBeCloseTo(5, 1);
    expect(
      peer.busy.filter((b) => b !== away[0] && b.start < away[0].end && b.end > away[0].start),
    ).toEqual([]);
    expect(
      directory.users.filter((u) => u.busy.some((b) => b.showAs === 'oof')).map((u) => u.id),
    ).toEqual([DEMO.contoso.peer]);
  });

  it('use several kinds of availability', () => {
    const kinds = new Set(directory.users.flatMap((u) => u.busy.map((b) => b.showAs)));
    expect(kinds).toEqual(new Set(['busy', 'tentative', 'oof', 'workingElsewhere']));
  });
});

describe('determinism', () => {
  it('builds the same directory for any moment of the same quarter', () => {
    expect(buildDemoDirectory(new Date('2025-04-01T00:00:00Z'))).toEqual(directory);
    expect(buildDemoDirectory(new Date('2025-06-30T23:59:59Z'))).toEqual(directory);
  });

  it('keeps people and ids but moves the busy blocks in another quarter', () => {
    const next = buildDemoDirectory(new Date('2025-08-01T00:00:00Z'));
    const withoutBusy = (d: typeof directory) => d.users.map((u) => ({ ...u, busy: [] }));
    expect(withoutBusy(next)).toEqual(withoutBusy(directory));
    expect(person(DEMO.contoso.employee).busy[0].start).toBe('2025-04-01T07:30:00.000Z');
    expect(next.users.find((u) => u.id === DEMO.contoso.employee)?.busy[0].start).toMatch(
      /^2025-07-/,
    );
  });

  it('hands out fresh objects, so a caller mutating one cannot affect another build', () => {
    const a = buildDemoDirectory(NOW);
    a.users[0].jobTitle = 'Changed';
    expect(buildDemoDirectory(NOW).users[0].jobTitle).toBe('Chief Executive Officer');
  });
});
