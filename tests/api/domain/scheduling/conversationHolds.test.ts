import { createConversationHolds } from '../../../../api/src/domain/scheduling/conversationHolds';

const slot = (h: number) => ({
  start: `2027-01-20T${String(h).padStart(2, '0')}:00:00.000Z`,
  end: `2027-01-20T${String(h).padStart(2, '0')}:30:00.000Z`,
});

describe("a pass's holds on people's time", () => {
  // Sofia manages Tobias; Tobias manages Nia.
  const holds = () =>
    createConversationHolds([
      { key: 'tobias-with-sofia', employeeId: 'tobias', managerId: 'sofia', ...slot(10) },
      { key: 'nia-with-tobias', employeeId: 'nia', managerId: 'tobias', ...slot(14) },
    ]);

  it('a middle manager is held on both sides: as attendee and as organiser', () => {
    const h = holds();
    expect(h.involving('tobias')).toEqual(expect.arrayContaining([slot(10), slot(14)]));
    expect(h.involving('tobias')).toHaveLength(2);
    expect(h.organisedBy('tobias')).toEqual([slot(14)]);
    expect(h.attendedBy('tobias')).toEqual([slot(10)]);
    expect(h.organisedBy('sofia')).toEqual([slot(10)]);
    expect(h.involving('nia')).toEqual([slot(14)]);
  });

  it('holding the same conversation again moves it; releasing frees both people', () => {
    const h = holds();
    h.hold({ key: 'nia-with-tobias', employeeId: 'nia', managerId: 'tobias', ...slot(16) });
    expect(h.organisedBy('tobias')).toEqual([slot(16)]);
    h.release('nia-with-tobias');
    expect(h.involving('nia')).toEqual([]);
    expect(h.involving('tobias')).toEqual([slot(10)]);
  });

  it('an unreadable interval is not held', () => {
    const h = createConversationHolds();
    h.hold({ key: 'x', employeeId: 'a', managerId: 'b', start: 'soon', end: 'later' });
    expect(h.involving('a')).toEqual([]);
  });
});
