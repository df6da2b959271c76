import fc from 'fast-check';

import { oneOnOneChatId } from '../../../../api/src/local/graph-simulator/graphSimulator';

describe('oneOnOneChatId', () => {
  it('is the Teams 1:1 form with the two ids sorted, whoever asks', () => {
    expect(
      oneOnOneChatId(
        'bbbbbbbb-0000-4000-8000-000000000002',
        'AAAAAAAA-0000-4000-8000-000000000001',
      ),
    ).toBe(
      '19:aaaaaaaa-0000-4000-8000-000000000001_bbbbbbbb-0000-4000-8000-000000000002@unq.gbl.spaces',
    );
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (a, b) => {
        expect(oneOnOneChatId(a, b)).toBe(oneOnOneChatId(b, a));
        expect(oneOnOneChatId(a, b)).toMatch(/^19:[0-9a-f-]{36}_[0-9a-f-]{36}@unq\.gbl\.spaces$/);
      }),
    );
  });
});
