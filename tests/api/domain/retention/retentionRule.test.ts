import {
  LEAVER_RETENTION_DAYS,
  leaverRetentionDaysSchema,
} from '../../../../api/src/contract/retentionContract';
import { tenantSettingsSchema } from '../../../../api/src/contract/settingsContract';
import {
  dueForErasure,
  erasureDueAt,
  hasLeft,
  leaverChanges,
} from '../../../../api/src/domain/retention/retentionRule';

const DAY = 86_400_000;
const NOW = new Date('2027-01-19T06:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const person = (id: string, state: 'here' | 'disabled' | 'deleted') => ({
  id,
  accountEnabled: state !== 'disabled',
  removed: state === 'deleted',
});

describe('who has left the org chart', () => {
  it('a disabled or deleted account has left; an enabled one has not', () => {
    expect(hasLeft(person('a', 'here'))).toBe(false);
    expect(hasLeft(person('a', 'disabled'))).toBe(true);
    expect(hasLeft(person('a', 'deleted'))).toBe(true);
  });

  it('marks a leaver the first time they are seen gone, never moves the date, and forgets one who came back', () => {
    const marks = [
      { personId: 'old', goneSince: ago(10) },
      { personId: 'back', goneSince: ago(3) },
    ];
    const changes = leaverChanges(
      [
        person('old', 'deleted'),
        person('back', 'here'),
        person('new', 'disabled'),
        person('stays', 'here'),
      ],
      marks,
      NOW,
    );
    expect(changes.newlyGone).toEqual([{ personId: 'new', goneSince: NOW.toISOString() }]);
    expect(changes.returned).toEqual(['back']);
  });
});

describe('when a leaver is due for erasure', () => {
  it('exactly the retention period after they were first seen gone', () => {
    expect(erasureDueAt({ personId: 'a', goneSince: ago(0) }, 30).toISOString()).toBe(
      new Date(NOW.getTime() + 30 * DAY).toISOString(),
    );
  });

  it('is due at the boundary, not a millisecond before, oldest first', () => {
    const marks = [
      { personId: 'recent', goneSince: ago(29) },
      { personId: 'boundary', goneSince: ago(30) },
      { personId: 'oldest', goneSince: ago(400) },
      { personId: 'almost', goneSince: new Date(NOW.getTime() - 30 * DAY + 1).toISOString() },
    ];
    expect(dueForErasure(marks, 30, NOW).map((m) => m.personId)).toEqual(['oldest', 'boundary']);
    expect(dueForErasure(marks, 7, NOW).map((m) => m.personId)).toEqual([
      'oldest',
      'boundary',
      'almost',
      'recent',
    ]);
  });

  it('is never due once back in the org chart', () => {
    const marks = [{ personId: 'back', goneSince: ago(100) }];
    expect(dueForErasure(marks, 30, NOW, new Set(['back']))).toEqual([]);
  });
});

describe('the tenant setting', () => {
  it('defaults to 30 days and accepts whole days from 7 to 365', () => {
    expect(tenantSettingsSchema.parse({}).leaverRetentionDays).toBe(30);
    expect(LEAVER_RETENTION_DAYS.default).toBe(30);
    for (const ok of [7, 30, 365])
      expect(leaverRetentionDaysSchema.safeParse(ok).success).toBe(true);
  });

  it.each([0, 6, 366, 30.5, -1, '30', null])('refuses %p', (value) => {
    expect(tenantSettingsSchema.safeParse({ leaverRetentionDays: value }).success).toBe(false);
  });
});
