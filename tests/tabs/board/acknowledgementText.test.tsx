import { acknowledgementText } from '../../../tabs/src/board/AcknowledgementStatus';

describe('acknowledgement wording', () => {
  const ack = {
    by: { id: 'm', displayName: 'Alex Morgan' },
    at: '2026-03-12T10:00:00Z',
    note: null,
  };
  const now = new Date('2026-06-01T00:00:00Z');

  test('the employee reads who saw it and when', () => {
    expect(
      acknowledgementText(
        { acknowledgement: ack, changedSinceAcknowledged: false },
        'employee',
        now,
      ),
    ).toMatch(/^Seen by Alex on (12 March|March 12)$/);
  });

  test('a change after acknowledgement is called out', () => {
    expect(
      acknowledgementText(
        { acknowledgement: ack, changedSinceAcknowledged: true },
        'employee',
        now,
      ),
    ).toBe('Changed since Alex saw it');
    expect(
      acknowledgementText({ acknowledgement: ack, changedSinceAcknowledged: true }, 'manager', now),
    ).toBe('Changed since you saw it');
  });

  test('not yet seen reads differently for each side', () => {
    expect(
      acknowledgementText({ acknowledgement: null, changedSinceAcknowledged: false }, 'employee'),
    ).toBe('Not seen by your manager yet');
    expect(
      acknowledgementText({ acknowledgement: null, changedSinceAcknowledged: false }, 'manager'),
    ).toBe('Not acknowledged yet');
  });
});
