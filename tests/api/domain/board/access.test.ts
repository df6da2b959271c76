import type { Caller } from '../../../../api/src/domain/caller';
import { may, roleOnBoard } from '../../../../api/src/domain/board/access';

const caller = (userId: string): Caller => ({
  userId,
  tenantId: 't',
  displayName: '',
  userPrincipalName: '',
  roles: [],
});

describe('the access rule', () => {
  it('the employee owns their board', () => {
    expect(roleOnBoard(caller('e'), 'e', 'm')).toBe('employee');
  });
  it("the employee's current manager sees it", () => {
    expect(roleOnBoard(caller('m'), 'e', 'm')).toBe('manager');
  });
  it('anyone else, including admins and skip-level managers, has no role', () => {
    expect(roleOnBoard({ ...caller('admin'), roles: ['Admin'] }, 'e', 'm')).toBeNull();
    expect(roleOnBoard(caller('skip'), 'e', 'm')).toBeNull();
  });
  it('an employee without a manager is seen by nobody else', () => {
    expect(roleOnBoard(caller('m'), 'e', null)).toBeNull();
  });
  it('only the employee edits; only the manager acknowledges; both comment and keep private notes', () => {
    expect([may('employee', 'edit'), may('manager', 'edit')]).toEqual([true, false]);
    expect([may('employee', 'acknowledge'), may('manager', 'acknowledge')]).toEqual([false, true]);
    expect([may('employee', 'comment'), may('manager', 'comment')]).toEqual([true, true]);
    expect([may('employee', 'private-notes'), may('manager', 'private-notes')]).toEqual([
      true,
      true,
    ]);
  });
});
