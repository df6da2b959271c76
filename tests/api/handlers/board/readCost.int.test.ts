import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { countCosmosRequests } from '../../../../bench/probes';
import type { CosmosCounter } from '../../../../bench/probes';
import { addAspiration } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

/**
 * What a board read costs in Cosmos DB, counted where the benchmarks count it: requests arriving
 * at the embedded server (bench/probes.ts). One single-partition query is two requests there (the
 * SDK asks for a query plan, then the page); the budget allows one point read besides, and one
 * request for the manager's sponsorships, read from the employee's own partition of the sharing
 * container (issue 13). None of it grows with the board.
 */

const BUDGET = 4;

let stack: TestStack;
let cosmos: CosmosCounter;
const { employee, manager } = DEMO.contoso;

beforeAll(async () => {
  stack = await startTestStack();
  cosmos = countCosmosRequests(stack.ports.cosmos);
});
afterAll(async () => {
  cosmos.stop();
  await stack.close();
});

async function costOfBoardRead(as: string): Promise<number> {
  cosmos.reset();
  const result = await stack.call(`/boards/${employee}`, { as });
  expect(result.status).toBe(200);
  return cosmos.count();
}

describe('reading a board', () => {
  it('costs one single-partition query plus at most one point read, however full the board is', async () => {
    await addAspiration(stack, employee, { steps: [] });
    const small = await costOfBoardRead(employee);
    expect(small).toBeGreaterThanOrEqual(1);
    expect(small).toBeLessThanOrEqual(BUDGET);

    for (let i = 0; i < 12; i++) {
      const aspiration = await addAspiration(stack, employee, { title: `Aspiration ${i}` });
      const ack = await stack.call(
        `/boards/${employee}/aspirations/${aspiration.id}/acknowledgement`,
        {
          as: manager,
          method: 'POST',
          body: { note: 'Seen' },
          headers: { 'If-Match': aspiration.etag },
        },
      );
      expect(ack.status).toBe(200);
      for (const as of [employee, manager]) {
        const comment = await stack.call(
          `/boards/${employee}/aspirations/${aspiration.id}/comments`,
          {
            as,
            method: 'POST',
            body: { text: 'Noted' },
          },
        );
        expect(comment.status).toBe(201);
      }
    }
    // 13 aspirations, 12 acknowledgements, 24 comments: no request per document.
    for (const as of [employee, manager]) expect(await costOfBoardRead(as)).toBe(small);
  });
});
