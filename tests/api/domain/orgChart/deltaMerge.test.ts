import { mergeDeltaUser } from '../../../../api/src/domain/orgChart/deltaMerge';

const T = 'tenant';
const NOW = '2026-11-23T00:00:00.000Z';

describe('merging /users/delta items', () => {
  const first = mergeDeltaUser(
    T,
    undefined,
    {
      id: 'A',
      displayName: 'Ann',
      mail: 'ann@x',
      accountEnabled: true,
      userType: 'Member',
      'manager@delta': [{ id: 'M1' }],
    },
    NOW,
    true,
  );

  it('a member with a mailbox and an enabled account is eligible', () => {
    expect(first.person).toMatchObject({ id: 'a', managerId: 'm1', eligible: true });
    expect(first.managerChanged).toBe(false);
  });
  it('guests, disabled accounts and people without a mailbox are not', () => {
    expect(
      mergeDeltaUser(T, first.person, { id: 'a', userType: 'Guest' }, NOW, false).person.eligible,
    ).toBe(false);
    expect(
      mergeDeltaUser(T, first.person, { id: 'a', accountEnabled: false }, NOW, false).person
        .eligible,
    ).toBe(false);
    expect(
      mergeDeltaUser(T, first.person, { id: 'a', mail: null }, NOW, false).person.eligible,
    ).toBe(false);
  });
  it('keeps what a partial change does not mention', () => {
    const { person } = mergeDeltaUser(T, first.person, { id: 'a', jobTitle: 'Lead' }, NOW, false);
    expect(person).toMatchObject({ displayName: 'Ann', managerId: 'm1', jobTitle: 'Lead' });
  });
  it('detects a new manager after the first sync', () => {
    const { person, managerChanged } = mergeDeltaUser(
      T,
      first.person,
      { id: 'a', 'manager@delta': [{ id: 'M2' }] },
      NOW,
      false,
    );
    expect(managerChanged).toBe(true);
    expect(person).toMatchObject({
      managerId: 'm2',
      previousManagerId: 'm1',
      managerChangedAt: NOW,
    });
  });
  it('a removed user is no longer eligible', () => {
    expect(
      mergeDeltaUser(T, first.person, { id: 'a', '@removed': { reason: 'changed' } }, NOW, false)
        .person,
    ).toMatchObject({ removed: true, eligible: false });
  });
});
