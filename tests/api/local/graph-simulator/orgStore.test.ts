import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import { OrgStoreError, createOrgStore } from '../../../../api/src/local/graph-simulator/orgStore';

const { contoso, fabrikam } = DEMO;
const freshStore = () => createOrgStore(buildDemoDirectory(new Date('2025-05-14T10:00:00Z')));

describe('the org store', () => {
  it('lists a tenant’s users in a stable order and only that tenant’s', () => {
    const store = freshStore();
    const first = store.listUsers(contoso.tenantId).map((u) => u.id);
    store.updateUser(contoso.tenantId, contoso.employee, { jobTitle: 'Senior Software Engineer' });
    expect(store.listUsers(contoso.tenantId).map((u) => u.id)).toEqual(first);
    expect(first[0]).toBe(contoso.ceo);
    expect(store.listUsers(fabrikam.tenantId).every((u) => u.tenantId === fabrikam.tenantId)).toBe(
      true,
    );
    expect(store.getUser(fabrikam.tenantId, contoso.employee)).toBeUndefined();
    expect(store.findUser(contoso.employee)?.tenantId).toBe(contoso.tenantId);
  });

  it('works on its own copy, leaving the directory it was given untouched', () => {
    const directory = buildDemoDirectory(new Date('2025-05-14T10:00:00Z'));
    const store = createOrgStore(directory);
    store.updateUser(contoso.tenantId, contoso.employee, { jobTitle: 'Changed' });
    expect(directory.users.find((u) => u.id === contoso.employee)?.jobTitle).toBe(
      'Software Engineer',
    );
  });

  it('records each real change with an increasing sequence number and the Graph property names', () => {
    const store = freshStore();
    expect(store.sequence(contoso.tenantId)).toBe(0);
    store.updateUser(contoso.tenantId, contoso.employee, {
      managerId: contoso.skipLevel,
      jobTitle: 'Tech Lead',
    });
    store.updateUser(contoso.tenantId, contoso.peer, { accountEnabled: false });
    store.updateUser(contoso.tenantId, contoso.peer, { accountEnabled: false });
    expect(store.changesSince(contoso.tenantId, 0)).toEqual([
      {
        sequence: 1,
        userId: contoso.employee,
        kind: 'updated',
        properties: ['manager', 'jobTitle'],
        previousManagerId: contoso.manager,
      },
      { sequence: 2, userId: contoso.peer, kind: 'updated', properties: ['accountEnabled'] },
    ]);
    expect(store.changesSince(contoso.tenantId, 1).map((c) => c.sequence)).toEqual([2]);
    expect(store.sequence(fabrikam.tenantId)).toBe(0);
  });

  it('keeps direct reports in step with manager changes', () => {
    const store = freshStore();
    const before = store.directReports(contoso.tenantId, contoso.manager).map((u) => u.id);
    expect(before).toContain(contoso.employee);
    store.updateUser(contoso.tenantId, contoso.employee, { managerId: contoso.bigTeamManager });
    expect(store.directReports(contoso.tenantId, contoso.manager).map((u) => u.id)).toEqual(
      before.filter((id) => id !== contoso.employee),
    );
    expect(store.directReports(contoso.tenantId, contoso.bigTeamManager)).toHaveLength(23);
  });

  it('refuses a manager from another tenant, an unknown one, the person themself or a cycle', () => {
    const store = freshStore();
    const attempt =
      (managerId: string, userId: string = contoso.manager) =>
      () =>
        store.updateUser(contoso.tenantId, userId, { managerId });
    expect(attempt(fabrikam.manager)).toThrow(OrgStoreError);
    expect(attempt('00000000-0000-0000-0000-000000000000')).toThrow(/not a user of tenant/);
    expect(attempt(contoso.manager)).toThrow(/cycle/);
    expect(attempt(contoso.employee)).toThrow(/cycle/);
    expect(store.getUser(contoso.tenantId, contoso.manager)?.managerId).toBe(contoso.skipLevel);
    expect(store.sequence(contoso.tenantId)).toBe(0);
  });

  it('reports unknown users and tenants with a code the caller can map', () => {
    const store = freshStore();
    expect(() => store.updateUser(contoso.tenantId, fabrikam.employee, { jobTitle: 'x' })).toThrow(
      expect.objectContaining({ code: 'unknown-user' }),
    );
    expect(() => store.updateUser('no-such-tenant', contoso.employee, { jobTitle: 'x' })).toThrow(
      expect.objectContaining({ code: 'unknown-tenant' }),
    );
  });

  it('adds and removes users, detaching the reports of a removed manager', () => {
    const store = freshStore();
    const template = store.getUser(contoso.tenantId, contoso.employee);
    if (!template) throw new Error('demo employee missing');
    const added = store.addUser({
      ...template,
      id: '11111111-2222-4333-8444-555555555555',
      busy: [],
    });
    expect(store.getUser(contoso.tenantId, added.id)).toBeDefined();
    expect(() => store.addUser(added)).toThrow(expect.objectContaining({ code: 'duplicate-user' }));
    const reports = store.directReports(contoso.tenantId, contoso.manager).map((u) => u.id);
    store.removeUser(contoso.tenantId, contoso.manager);
    expect(store.getUser(contoso.tenantId, contoso.manager)).toBeUndefined();
    for (const id of reports) expect(store.getUser(contoso.tenantId, id)?.managerId).toBeNull();
    const log = store.changesSince(contoso.tenantId, 0);
    expect(log[0]).toMatchObject({ kind: 'added', userId: added.id });
    expect(log[1]).toMatchObject({ kind: 'removed', userId: contoso.manager, permanent: false });
    expect(log.slice(2).map((c) => c.previousManagerId)).toEqual(
      reports.map(() => contoso.manager),
    );
  });

  it('exposes the current directory for the identity issuer', () => {
    const store = freshStore();
    store.updateUser(contoso.tenantId, contoso.employee, { displayName: 'Nia A.' });
    const snapshot = store.snapshot();
    expect(snapshot.tenants.map((t) => t.id)).toEqual([contoso.tenantId, fabrikam.tenantId]);
    expect(snapshot.users.find((u) => u.id === contoso.employee)?.displayName).toBe('Nia A.');
  });

  it('finds people by mail or UPN in any case, and follows additions and removals', () => {
    const store = freshStore();
    const nia = store.getUser(contoso.tenantId, contoso.employee)!;
    expect(store.findByAddress(contoso.tenantId, nia.mail!.toUpperCase())?.id).toBe(nia.id);
    expect(store.findByAddress(contoso.tenantId, ` ${nia.userPrincipalName} `)?.id).toBe(nia.id);
    expect(store.findByAddress(fabrikam.tenantId, nia.mail!)).toBeUndefined();

    store.addUser({
      ...nia,
      id: 'new-person',
      mail: 'new.person@contoso.test',
      userPrincipalName: 'np@contoso.test',
    });
    expect(store.findByAddress(contoso.tenantId, 'NEW.person@contoso.test')?.id).toBe('new-person');
    store.removeUser(contoso.tenantId, 'new-person');
    expect(store.findByAddress(contoso.tenantId, 'new.person@contoso.test')).toBeUndefined();
  });
});
