import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { startTestStack } from '../../support/testStack';
import type { TestStack } from '../../support/testStack';

/** `npm start -- --verbose` logs one line per request: method, path, status, ms; no content. */

describe('the verbose request log', () => {
  const lines: string[] = [];
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ log: (line) => lines.push(line) });
  });
  afterAll(async () => stack.close());

  it('writes one line per request with method, path, status and time, and never a query or a body', async () => {
    const employee = DEMO.contoso.employee;
    await stack.call('/health');
    await stack.call(`/boards/${employee}/history?cursor=SECRET-CURSOR-TEXT`, { as: employee });
    await stack.call(`/boards/${employee}/aspirations`, {
      as: employee,
      method: 'POST',
      body: { kind: 'title', horizon: 'next', title: 'SECRET-TITLE-TEXT' },
    });
    await stack.call('/nowhere');
    const requests = lines.filter((l) => /^[A-Z]+ \//.test(l));
    expect(requests).toEqual([
      expect.stringMatching(/^GET \/api\/health 200 \d+ ms$/),
      expect.stringMatching(new RegExp(`^GET /api/boards/${employee}/history 400 \\d+ ms$`)),
      expect.stringMatching(
        new RegExp(`^POST /api/boards/${employee}/aspirations \\d{3} \\d+ ms$`),
      ),
      expect.stringMatching(/^GET \/api\/nowhere 404 \d+ ms$/),
    ]);
    expect(lines.join('\n')).not.toMatch(/SECRET/);
  });
});
