import { latestIn, teamMemberView } from '../../../../api/src/domain/board/boardView';
import type { AspirationRecord } from '../../../../api/src/domain/board/records';

const aspiration = (over: Partial<AspirationRecord>): AspirationRecord => ({
  type: 'aspiration',
  id: 'a',
  pk: 't|e',
  tenantId: 't',
  employeeId: 'e',
  kind: 'title',
  horizon: 'next',
  title: 'Untitled',
  details: '',
  targetDate: null,
  position: 1024,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  steps: [],
  evidence: [],
  ...over,
});

const person = { id: 'e', displayName: 'Nia', jobTitle: null };
const noConversations = {
  last: null,
  next: null,
  overdue: false,
  needsPick: false,
  notBooked: null,
};

describe('latest aspiration per horizon (team view)', () => {
  it('is the most recently created one, not the first by position or the last edited', () => {
    const list = [
      aspiration({
        id: 'a1',
        title: 'First written, moved to the top',
        position: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-09-01T00:00:00.000Z',
      }),
      aspiration({
        id: 'a2',
        title: 'Newest',
        position: 5000,
        createdAt: '2026-03-01T00:00:00.000Z',
      }),
      aspiration({
        id: 'a3',
        title: 'Middle',
        position: 2048,
        createdAt: '2026-02-01T00:00:00.000Z',
      }),
      aspiration({
        id: 'b1',
        title: 'Three years out',
        horizon: '3y',
        createdAt: '2026-04-01T00:00:00.000Z',
      }),
    ];
    expect(teamMemberView(person, list, [], noConversations).latestByHorizon).toEqual({
      next: 'Newest',
      '1y': null,
      '3y': 'Three years out',
    });
  });

  it('does not depend on the order the store returns aspirations in', () => {
    const list = [
      aspiration({ id: 'x', title: 'Old', createdAt: '2026-01-01T00:00:00.000Z' }),
      aspiration({ id: 'y', title: 'New', createdAt: '2026-05-01T00:00:00.000Z' }),
    ];
    expect(latestIn(list)?.title).toBe('New');
    expect(latestIn([...list].reverse())?.title).toBe('New');
  });

  it('breaks a tie on the creation instant by id, the same way every time', () => {
    const at = '2026-05-01T00:00:00.000Z';
    const list = [
      aspiration({ id: 'b', title: 'B', createdAt: at }),
      aspiration({ id: 'c', title: 'C', createdAt: at }),
    ];
    expect(latestIn(list)?.title).toBe('C');
    expect(latestIn([...list].reverse())?.title).toBe('C');
    expect(latestIn([])).toBeUndefined();
  });
});
