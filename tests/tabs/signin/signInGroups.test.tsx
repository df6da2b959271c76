import type { DevUser } from '../../../tabs/src/auth/localIdentity';
import { groupForPicker } from '../../../tabs/src/signin/signInGroups';

describe('"Sign in as" picker', () => {
  const person = (
    id: string,
    name: string,
    managerId: string | null,
    extra: Partial<DevUser> = {},
  ): DevUser => ({
    id,
    tenantId: 't1',
    displayName: name,
    userPrincipalName: `${id}@contoso.example`,
    jobTitle: 'Role',
    managerId,
    accountEnabled: true,
    userType: 'Member',
    ...extra,
  });
  const users = [
    person('ceo', 'Amara', null),
    person('vp', 'Sofia', 'ceo'),
    person('em', 'Tobias', 'vp'),
    person('nia', 'Nia', 'em'),
    person('off', 'Diego', 'em', { accountEnabled: false }),
    person('guest', 'Noah', 'em', { userType: 'Guest' }),
    person('claire', 'Claire', null, {
      tenantId: 't2',
      userPrincipalName: 'claire@fabrikam.example',
    }),
  ];

  test('groups people by tenant, then by manager, top-down, leaving out disabled accounts and guests', () => {
    const tenants = groupForPicker(users);
    expect(tenants.map((t) => t.label)).toEqual(['contoso.example', 'fabrikam.example']);
    expect(tenants[0].teams.map((t) => t.label)).toEqual([
      'Top of the organisation',
      'Reports to Amara',
      'Reports to Sofia',
      'Reports to Tobias',
    ]);
    expect(tenants[0].teams[3].people.map((p) => p.displayName)).toEqual(['Nia']);
  });

  test('search narrows the list', () => {
    expect(
      groupForPicker(users, 'nia').flatMap((t) =>
        t.teams.flatMap((team) => team.people.map((p) => p.id)),
      ),
    ).toEqual(['nia']);
  });
});
