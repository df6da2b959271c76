import { HORIZONS } from '../../../api/src/contract/boardContract';
import {
  groupByHorizon,
  needsAcknowledgement,
  positionAtEnd,
  positionBetween,
  positionForMove,
  POSITION_STEP,
} from '../../../tabs/src/board/boardLogic';
import { HORIZON_ORDER } from '../../../tabs/src/common/boardText';
import { anAspiration } from '../fixtures';

describe('board rules', () => {
  const a = anAspiration({ id: 'a', position: 10 });
  const b = anAspiration({ id: 'b', position: 20 });
  const c = anAspiration({ id: 'c', position: 30 });

  test('aspirations are grouped by horizon and ordered by position', () => {
    const later = anAspiration({ id: 'later', horizon: '3y', position: 5 });
    const groups = groupByHorizon([c, later, a, b]);
    expect(groups.next.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(groups['1y']).toEqual([]);
    expect(groups['3y'].map((x) => x.id)).toEqual(['later']);
  });

  test('equal positions fall back to creation order, so the order never flickers', () => {
    const first = anAspiration({ id: 'z', position: 1, createdAt: '2026-01-01T00:00:00Z' });
    const second = anAspiration({ id: 'y', position: 1, createdAt: '2026-02-01T00:00:00Z' });
    expect(groupByHorizon([second, first]).next.map((x) => x.id)).toEqual(['z', 'y']);
  });

  test('a new position lies strictly between its neighbours', () => {
    expect(positionBetween(10, 20)).toBe(15);
    expect(positionBetween(null, 20)).toBe(20 - POSITION_STEP);
    expect(positionBetween(10, null)).toBe(10 + POSITION_STEP);
    expect(positionBetween(null, null)).toBe(0);
    const mid = positionBetween(1, 1.0000001);
    expect(mid).toBeGreaterThan(1);
    expect(mid).toBeLessThan(1.0000001);
  });

  test('moving up sends a value between the two cards above', () => {
    expect(positionForMove([a, b, c], 'c', 'up')).toBe(15);
    expect(positionForMove([a, b, c], 'b', 'up')).toBe(10 - POSITION_STEP);
  });

  test('moving down sends a value between the two cards below', () => {
    expect(positionForMove([a, b, c], 'a', 'down')).toBe(25);
    expect(positionForMove([a, b, c], 'b', 'down')).toBe(30 + POSITION_STEP);
  });

  test('a card already at the end cannot move further', () => {
    expect(positionForMove([a, b, c], 'a', 'up')).toBeNull();
    expect(positionForMove([a, b, c], 'c', 'down')).toBeNull();
    expect(positionForMove([a, b, c], 'missing', 'up')).toBeNull();
  });

  test('a card joining a horizon goes after the last one there', () => {
    expect(positionAtEnd([a, b, c])).toBe(30 + POSITION_STEP);
    expect(positionAtEnd([a, b, c], 'c')).toBe(20 + POSITION_STEP);
    expect(positionAtEnd([])).toBe(0);
  });

  test('the manager still has to look at what is unseen or changed since seen', () => {
    const seen = { by: { id: 'm', displayName: 'Alex' }, at: '2026-03-12T10:00:00Z', note: null };
    expect(needsAcknowledgement(anAspiration())).toBe(true);
    expect(needsAcknowledgement(anAspiration({ acknowledgement: seen }))).toBe(false);
    expect(
      needsAcknowledgement(anAspiration({ acknowledgement: seen, changedSinceAcknowledged: true })),
    ).toBe(true);
  });
});

describe('horizon order', () => {
  test('is the contract’s own HORIZONS, in its order', () => {
    expect(HORIZON_ORDER).toEqual(HORIZONS);
  });
});
