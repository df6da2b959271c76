import { isOrphanSlot, slotCandidates } from '../../../../api/src/domain/board/slots';

describe('places on a board', () => {
  it('offers the free places lowest first', () => {
    expect(slotCandidates([{ slot: 0 }, { slot: 2 }], 4)).toEqual([1, 3]);
    expect(slotCandidates([], 3)).toEqual([0, 1, 2]);
  });

  it('offers none when every place is held', () => {
    expect(slotCandidates([{ slot: 0 }, { slot: 1 }], 2)).toEqual([]);
  });

  it('counts aspirations stored before places existed by shrinking the range', () => {
    // Two older aspirations hold no place: only 3 of 5 places remain, and one of those is held.
    expect(slotCandidates([{}, { slot: null }, { slot: 1 }], 5)).toEqual([0, 2]);
    expect(slotCandidates([{}, {}, {}], 2)).toEqual([]);
  });

  it('reclaims a claim only when its aspiration is missing and the claim is old', () => {
    const now = new Date('2026-11-23T10:00:00.000Z');
    const old = { aspirationId: 'a', claimedAt: '2026-11-23T09:50:00.000Z' };
    const recent = { aspirationId: 'a', claimedAt: '2026-11-23T09:59:30.000Z' };
    expect(isOrphanSlot(old, new Set(), now)).toBe(true);
    expect(isOrphanSlot(old, new Set(['a']), now)).toBe(false);
    expect(isOrphanSlot(recent, new Set(), now)).toBe(false);
  });
});
