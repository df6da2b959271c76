import type { DirectoryPerson } from '../../../../api/src/domain/orgChart/directoryPerson';
import {
  MAX_ITEM_JSON_BYTES,
  parseWorkItem,
  planWorkItems,
} from '../../../../api/src/domain/scheduling/workItems';
import type { PlannedPair } from '../../../../api/src/domain/scheduling/workItems';

const T = 'tenant-1';
const person = (id: string, managerId: string | null, extra: Partial<DirectoryPerson> = {}) =>
  ({
    type: 'person',
    id,
    pk: T,
    tenantId: T,
    displayName: `Person ${id}`,
    mail: `${id}@contoso.example`,
    jobTitle: null,
    department: null,
    managerId,
    accountEnabled: true,
    userType: 'Member',
    eligible: true,
    managerChangedAt: null,
    previousManagerId: null,
    removed: false,
    ...extra,
  }) satisfies DirectoryPerson;

/** ceo → vp → (lead → 3 engineers), vp → 2 more; an engineer moved from another manager. */
function org(): PlannedPair[] {
  const ceo = person('ceo', null);
  const vp = person('vp', 'ceo');
  const lead = person('lead', 'vp');
  const pair = (e: DirectoryPerson, m: DirectoryPerson): PlannedPair => ({
    employee: e,
    manager: m,
    reason: 'quarterly',
  });
  return [
    pair(person('e1', 'lead', { previousManagerId: 'old' }), lead),
    pair(person('e2', 'lead'), lead),
    pair(person('e3', 'lead'), lead),
    pair(lead, vp),
    pair(person('v1', 'vp'), vp),
    pair(person('v2', 'vp'), vp),
    pair(vp, ceo),
  ];
}

const plan = (pairs: PlannedPair[]) =>
  planWorkItems({
    runId: 'run-1',
    tenantId: T,
    now: new Date('2027-01-19T06:00:00Z'),
    pairs,
    nameOf: (id) => (id === 'old' ? 'Old Manager' : undefined),
  });

describe('planning a pass as work items', () => {
  it('gives each manager one item, locking the reports who manage people, even depths first so items in flight together cannot contend', () => {
    const items = plan(org());
    expect(items.map((i) => i.itemId)).toEqual(['ceo', 'lead', 'vp']);
    expect(items.map((i) => i.alsoLocks)).toEqual([['vp'], [], ['lead']]);
    // Where the conversations those managing reports organise are read: their reports' partitions.
    expect(items.map((i) => i.alsoReadsOf)).toEqual([['lead', 'v1', 'v2'], [], ['e1', 'e2', 'e3']]);
    expect(items[1]!.pairs.map((p) => p.employee.id)).toEqual(['e1', 'e2', 'e3']);
    expect(items[1]!.names).toEqual({ old: 'Old Manager' });
    expect(new Set(items.map((i) => i.runId))).toEqual(new Set(['run-1']));
  });

  it('splits a manager whose pairs would not fit one queue message, every part under the limit', () => {
    const big = person('big', null);
    const pairs = Array.from({ length: 400 }, (_, n) => ({
      employee: person(`report-${n}`, 'big', { displayName: 'x'.repeat(200) }),
      manager: big,
      reason: 'quarterly' as const,
    }));
    const items = plan(pairs);
    expect(items.length).toBeGreaterThan(1);
    expect(items.map((i) => i.itemId)).toEqual(items.map((_, n) => `big#${n + 1}`));
    expect(items.flatMap((i) => i.pairs)).toHaveLength(400);
    for (const item of items)
      expect(Buffer.byteLength(JSON.stringify(item))).toBeLessThanOrEqual(MAX_ITEM_JSON_BYTES);
  });

  it('reads back what it planned, and refuses anything else, or a person of another tenant', () => {
    const [item] = plan(org());
    expect(parseWorkItem(JSON.parse(JSON.stringify(item)))).toEqual(item);
    expect(parseWorkItem('hello')).toBeNull();
    expect(parseWorkItem({ ...item, kind: 'other' })).toBeNull();
    const stranger = { ...item!.pairs[0]!.employee, tenantId: 'tenant-2' };
    expect(
      parseWorkItem({ ...item, pairs: [{ employee: stranger, reason: 'quarterly' }] }),
    ).toBeNull();
  });
});
