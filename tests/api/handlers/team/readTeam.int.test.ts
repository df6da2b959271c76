import { randomUUID } from 'node:crypto';

import type { AspirationView, TeamView } from '../../../../api/src/contract/boardContract';
import { buildDemoDirectory, DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import type { DemoDirectory } from '../../../../api/src/local/demo-org/types';
import { addAspiration } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

/** The manager's team view: every direct report once, across pages; the latest aspirations. */

let stack: TestStack;
const manager = DEMO.contoso.bigTeamManager;
const EXTRA_REPORTS = 90;

/** The demo organisation with the support manager's team grown past one page (100). */
function withBigTeam(): DemoDirectory {
  const directory = buildDemoDirectory(new Date());
  const template = directory.users.find((u) => u.managerId === manager && u.accountEnabled)!;
  for (let i = 0; i < EXTRA_REPORTS; i++) {
    const n = String(i).padStart(3, '0');
    directory.users.push({
      ...template,
      id: randomUUID(),
      displayName: `Agent ${n}`,
      givenName: 'Agent',
      surname: n,
      mail: `agent${n}@contoso.example`,
      userPrincipalName: `agent${n}@contoso.example`,
      busy: [],
    });
  }
  return directory;
}

beforeAll(async () => {
  stack = await startTestStack({ directory: withBigTeam() });
});
afterAll(async () => {
  await stack.close();
});

const team = (cursor?: string | null) =>
  stack.call<TeamView>(cursor ? `/team?cursor=${encodeURIComponent(cursor)}` : '/team', {
    as: manager,
  });

describe('GET /team', () => {
  it('pages a team larger than a page: every report exactly once, in name order', async () => {
    const reports = stack.orgStore
      .snapshot()
      .users.filter((u) => u.managerId === manager && u.accountEnabled && u.userType === 'Member');
    expect(reports.length).toBeGreaterThan(100);
    const first = await team();
    expect(first.status).toBe(200);
    expect(first.body.members).toHaveLength(100);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await team(first.body.nextCursor);
    expect(second.status).toBe(200);
    expect(second.body.members).toHaveLength(reports.length - 100);
    expect(second.body.nextCursor).toBeNull();
    const names = [...first.body.members, ...second.body.members].map((m) => m.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const ids = [...first.body.members, ...second.body.members].map((m) => m.id);
    expect(ids.sort()).toEqual(reports.map((r) => r.id).sort());
  });

  it('shows per horizon the most recently created aspiration, whatever its position or edits', async () => {
    const report = stack.orgStore.snapshot().users.find((u) => u.displayName === 'Agent 000')!;
    const older = await addAspiration(stack, report.id, {
      horizon: 'next',
      title: 'Team lead',
      steps: [],
    });
    // Distinct creation instants, so "latest" is decided by time, not by the tie-break.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await addAspiration(stack, report.id, {
      horizon: 'next',
      title: 'Escalations specialist',
      steps: [],
    });
    await addAspiration(stack, report.id, { horizon: '3y', title: 'Head of support', steps: [] });
    // The older one moves to the front and is edited after the newer one was created.
    const moved = await stack.call<AspirationView>(`/boards/${report.id}/aspirations/${older.id}`, {
      as: report.id,
      method: 'PATCH',
      body: { position: newer.position - 5000, title: 'Team lead, tier 2' },
      headers: { 'If-Match': older.etag },
    });
    expect(moved.status).toBe(200);
    const row = (await team()).body.members.find((m) => m.id === report.id)!;
    expect(row.latestByHorizon).toEqual({
      next: 'Escalations specialist',
      '1y': null,
      '3y': 'Head of support',
    });
    expect(row.counts).toMatchObject({ aspirations: 3, needsAcknowledgement: 3 });
  });

  it('refuses a cursor it did not issue with 400 problem+json', async () => {
    const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
    const cursors = [
      b64('\u0001'),
      b64('100'),
      b64('1e2'),
      '!!',
      'A'.repeat(9000),
      ...[0, 7, -100, 1e9, 100.5, '100'].map((offset) => b64(JSON.stringify({ offset }))),
      b64(JSON.stringify({ offset: 100, extra: 1 })),
    ];
    for (const cursor of cursors) {
      const result = await team(cursor);
      expect({ cursor, status: result.status }).toEqual({ cursor, status: 400 });
      expect(result.contentType).toContain('application/problem+json');
    }
  });
});

describe("GET /team's overdue flag follows the tenant's own booking weeks", () => {
  // Week 4 of 2027-Q1: inside the default weeks 2–6, past a tenant's weeks 1–2.
  const weekFour = new Date('2027-01-25T09:00:00.000Z');
  let own: TestStack;
  beforeAll(async () => {
    own = await startTestStack({ directory: buildDemoDirectory(weekFour) });
    own.services.now = () => new Date(weekFour);
  });
  afterAll(async () => {
    await own.close();
  });

  const flagsOf = async (id: string) => {
    const result = await own.call<TeamView>('/team', { as: DEMO.contoso.manager });
    expect(result.status).toBe(200);
    return result.body.members.find((m) => m.id === id)!.flags;
  };

  /** What a scheduling pass leaves behind when it starts: the org chart and pilot as synced. */
  const pilotGroupId = buildDemoDirectory(weekFour).tenants.find(
    (t) => t.id === DEMO.contoso.tenantId,
  )!.pilotGroupId!;
  const passRan = async (at: Date) => {
    const people = own.orgStore
      .snapshot()
      .users.filter((u) => u.tenantId === DEMO.contoso.tenantId)
      .map((u) => u.id.toLowerCase());
    const { orgChart } = own.services;
    await orgChart.writePilotMembers(DEMO.contoso.tenantId, pilotGroupId, people, at.toISOString());
    await orgChart.writeDeltaLink(DEMO.contoso.tenantId, null, at.toISOString());
  };

  it('is not overdue while the weeks last, nor before a pass has had its chance, and overdue after', async () => {
    const employee = DEMO.contoso.employee;
    expect(await flagsOf(employee)).not.toContain('conversation-overdue');

    // The local stack saved Contoso's settings (its demo pilot): the write names that version.
    const current = await own.call('/settings', { as: DEMO.contoso.admin });
    const saved = await own.call('/settings', {
      as: DEMO.contoso.admin,
      method: 'PUT',
      headers: { 'If-Match': current.headers.get('ETag') ?? '' },
      body: {
        window: { startWeek: 1, endWeek: 2 },
        pilot: { group: { id: pilotGroupId, displayName: 'Career Board pilot' } },
      },
    });
    expect(saved.status).toBe(200);
    // Day one: the weeks are over, but no pass has tried to book anyone yet.
    expect(await flagsOf(employee)).not.toContain('conversation-overdue');

    await passRan(weekFour);
    expect(await flagsOf(employee)).toContain('conversation-overdue');
  });
});
