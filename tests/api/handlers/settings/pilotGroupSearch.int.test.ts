import type { PilotGroupSearchView } from '../../../../api/src/contract/settingsContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

/** The settings screen's pilot picker: an admin finds security groups by the start of the name. */

let stack: TestStack;
const { admin } = DEMO.contoso;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

const search = (text: string) =>
  stack.call<PilotGroupSearchView>(`/settings/pilot-groups?search=${encodeURIComponent(text)}`, {
    as: admin,
  });

describe('GET /settings/pilot-groups', () => {
  it('finds the tenant’s security groups by the start of their name', async () => {
    const found = await search('career');
    expect(found.status).toBe(200);
    expect(found.body.groups.map((g) => g.displayName)).toContain('Career Board pilot');
    // A Microsoft 365 group cannot scope Exchange: only security groups are offered.
    expect((await search('All Company')).body.groups).toEqual([]);
    // A quote is data, not OData syntax.
    expect((await search("Career' or 1 eq 1")).body.groups).toEqual([]);
    // Another tenant's people are refused before any directory is searched (the access matrix
    // covers every persona); the simulator holds one directory per tenant.
    const other = await stack.call('/settings/pilot-groups?search=Career', {
      as: DEMO.fabrikam.employee,
    });
    expect(other.status).toBe(403);
  });

  it.each([
    ['no search text', ''],
    ['only spaces', '   '],
    ['more than 120 characters', 'x'.repeat(121)],
    ['a double quote', 'Career"'],
    ['a backslash', 'Career\\'],
    ['a control character', 'Career\u0007'],
  ])('refuses %s with a 400 problem+json', async (_, text) => {
    const refused = await search(text);
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
  });
});
