import { PageIterator } from '@microsoft/microsoft-graph-client';
import type { Client, PageCollection } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';

import { createGraphClient } from '../../../../api/src/graph/graphClient';
import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import { generateOrg } from '../../../../api/src/local/demo-org/generateOrg';
import type { DemoDirectory } from '../../../../api/src/local/demo-org/types';
import { startSimulatorServer } from './simulatorServer';
import type { SimulatorServer } from './simulatorServer';

/**
 * The org-chart sync's contract with Graph, exercised with the real SDK against a 10,000-person
 * tenant: full reads page at 999, delta rounds end in a deltaLink, and a deltaLink returns exactly
 * what changed since, with the manager reference as Graph renders it.
 */

const BIG = 'e3a1b2c4-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const SIZE = 10_000;
const NOW = new Date('2025-05-14T10:00:00Z');

type DeltaUser = User & {
  'manager@delta'?: { '@odata.type': string; id: string; '@removed'?: { reason: string } }[];
  '@removed'?: { reason: string };
};
type DeltaPage = { value: DeltaUser[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };

function combined(...directories: DemoDirectory[]): DemoDirectory {
  return {
    tenants: directories.flatMap((d) => d.tenants),
    users: directories.flatMap((d) => d.users),
  };
}

let server: SimulatorServer;
let graph: Client;
let clientFor: (tenantId: string) => Client;

beforeAll(async () => {
  const big = generateOrg({
    tenantId: BIG,
    tenantName: 'Tailspin',
    domain: 'tailspin.example',
    size: SIZE,
    seed: 'sync',
    now: NOW,
  });
  server = await startSimulatorServer(combined(big, buildDemoDirectory(NOW)));
  clientFor = (tenantId) =>
    createGraphClient({
      baseUrl: server.graphBaseUrl,
      getAccessToken: () => server.issuer.mintAppToken(tenantId),
    });
  graph = clientFor(BIG);
});
afterAll(() => server.close());

/** Runs `read` and returns what it produced with the Graph requests the server received meanwhile. */
async function counting<T>(read: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
  const before = server.requests.length;
  const result = await read();
  return {
    result,
    requests: server.requests.slice(before).filter((path) => path.startsWith('/graph/')),
  };
}

async function iterateAll<T>(
  first: PageCollection,
): Promise<{ items: T[]; deltaLink: string | undefined }> {
  const items: T[] = [];
  const iterator = new PageIterator(graph, first, (item: T) => {
    items.push(item);
    return true;
  });
  await iterator.iterate();
  return { items, deltaLink: iterator.getDeltaLink() };
}

async function failure(call: Promise<unknown>): Promise<{ statusCode: number; code: string }> {
  try {
    await call;
  } catch (error) {
    return error as { statusCode: number; code: string };
  }
  throw new Error('expected the Graph call to fail');
}

describe('reading 10,000 people with the real Graph SDK', () => {
  it('pages /users with $top=999 in exactly 11 requests', async () => {
    const { result, requests } = await counting(async () =>
      iterateAll<User>(
        (await graph.api('/users').select('id,displayName').top(999).get()) as PageCollection,
      ),
    );
    expect(result.items).toHaveLength(SIZE);
    expect(new Set(result.items.map((u) => u.id)).size).toBe(SIZE);
    expect(requests).toHaveLength(Math.ceil(SIZE / 999));
  });
});

describe('delta sync of the 10,000-person org', () => {
  let deltaLink = '';
  const byId = () => new Map(server.store.listUsers(BIG).map((u) => [u.id, u]));

  it('reads everyone in the first round, 999 a page, with manager@delta, and ends in a deltaLink', async () => {
    const { result, requests } = await counting(async () =>
      iterateAll<DeltaUser>(
        (await graph
          .api('/users/delta')
          .select('displayName,jobTitle,accountEnabled,manager')
          .header('Prefer', 'odata.maxpagesize=999')
          .get()) as PageCollection,
      ),
    );
    expect(requests).toHaveLength(11);
    expect(result.items).toHaveLength(SIZE);
    const people = byId();
    for (const item of result.items) {
      const managerId = people.get(item.id ?? '')?.managerId;
      expect(item['manager@delta']).toEqual(
        managerId ? [{ '@odata.type': '#microsoft.graph.user', id: managerId }] : undefined,
      );
    }
    expect(Object.keys(result.items[1]).sort()).toEqual([
      'accountEnabled',
      'displayName',
      'id',
      'jobTitle',
      'manager@delta',
    ]);
    expect(result.deltaLink).toMatch(
      new RegExp(`^${server.origin}/graph/v1\\.0/users/delta\\?\\$deltatoken=`),
    );
    deltaLink = result.deltaLink ?? '';
  });

  it('returns exactly the 10 people changed since, with their new state, and a fresh deltaLink', async () => {
    const people = server.store.listUsers(BIG);
    const managers = people.filter((u) => server.store.directReports(BIG, u.id).length > 0);
    const ics = people.filter(
      (u) => u.accountEnabled && server.store.directReports(BIG, u.id).length === 0,
    );
    const moved = ics.slice(100, 105);
    const retitled = ics.slice(200, 203);
    const disabled = ics.slice(300, 302);
    const newManager = managers[managers.length - 1];
    for (const u of moved) server.store.updateUser(BIG, u.id, { managerId: newManager.id });
    for (const u of retitled)
      server.store.updateUser(BIG, u.id, { jobTitle: 'Principal Engineer' });
    for (const u of disabled) server.store.updateUser(BIG, u.id, { accountEnabled: false });
    // A change to a property the round did not select is not tracked.
    server.store.updateUser(BIG, ics[400].id, { department: 'Legal' });

    const page = (await graph.api(deltaLink).get()) as DeltaPage;
    const changed = [...moved, ...retitled, ...disabled].map((u) => u.id);
    expect(page.value.map((u) => u.id).sort()).toEqual([...changed].sort());
    for (const u of moved) {
      expect(page.value.find((v) => v.id === u.id)?.['manager@delta']).toEqual([
        { '@odata.type': '#microsoft.graph.user', id: newManager.id },
      ]);
    }
    for (const u of retitled)
      expect(page.value.find((v) => v.id === u.id)?.jobTitle).toBe('Principal Engineer');
    for (const u of disabled) {
      const item = page.value.find((v) => v.id === u.id);
      expect(item).toMatchObject({ accountEnabled: false });
      expect(item?.['@removed']).toBeUndefined();
    }
    expect(page['@odata.nextLink']).toBeUndefined();
    expect(page['@odata.deltaLink']).toBeDefined();
    deltaLink = page['@odata.deltaLink'] ?? '';

    const quiet = (await graph.api(deltaLink).get()) as DeltaPage;
    expect(quiet.value).toEqual([]);
    deltaLink = quiet['@odata.deltaLink'] ?? '';
  });

  it('reports a deleted user with @removed and their reports as losing the manager', async () => {
    const manager = server.store
      .listUsers(BIG)
      .find((u) => u.managerId && server.store.directReports(BIG, u.id).length >= 5);
    if (!manager) throw new Error('no middle manager in the generated org');
    const reports = server.store.directReports(BIG, manager.id).map((u) => u.id);
    server.store.removeUser(BIG, manager.id);

    const page = (await graph.api(deltaLink).get()) as DeltaPage;
    expect(page.value.find((v) => v.id === manager.id)).toEqual({
      id: manager.id,
      '@removed': { reason: 'changed' },
    });
    for (const id of reports) {
      expect(page.value.find((v) => v.id === id)?.['manager@delta']).toEqual([
        {
          '@odata.type': '#microsoft.graph.user',
          id: manager.id,
          '@removed': { reason: 'deleted' },
        },
      ]);
    }
    expect(page.value).toHaveLength(reports.length + 1);
    deltaLink = page['@odata.deltaLink'] ?? '';
  });

  it('pages a large change set by Prefer: odata.maxpagesize', async () => {
    const ics = server.store
      .listUsers(BIG)
      .filter((u) => server.store.directReports(BIG, u.id).length === 0);
    for (const u of ics.slice(0, 25)) server.store.updateUser(BIG, u.id, { jobTitle: 'Analyst' });
    const first = (await graph
      .api(deltaLink)
      .header('Prefer', 'odata.maxpagesize=10')
      .get()) as DeltaPage;
    expect(first.value).toHaveLength(10);
    expect(first['@odata.nextLink']).toBeDefined();
    const { items } = await iterateAll<DeltaUser>(first as PageCollection);
    expect(new Set(items.map((u) => u.id)).size).toBe(25);
  });
});

describe('delta tokens', () => {
  it('start from now with $deltatoken=latest', async () => {
    const contoso = clientFor(DEMO.contoso.tenantId);
    const latest = (await contoso
      .api('/users/delta?$deltatoken=latest')
      .select('jobTitle')
      .get()) as DeltaPage;
    expect(latest.value).toEqual([]);
    server.store.updateUser(DEMO.contoso.tenantId, DEMO.contoso.employee, {
      jobTitle: 'Software Engineer II',
    });
    const changes = (await contoso.api(latest['@odata.deltaLink'] ?? '').get()) as DeltaPage;
    expect(changes.value).toEqual([
      { id: DEMO.contoso.employee, jobTitle: 'Software Engineer II' },
    ]);
  });

  it('cannot be used by another tenant', async () => {
    const contoso = clientFor(DEMO.contoso.tenantId);
    const latest = (await contoso.api('/users/delta?$deltatoken=latest').get()) as DeltaPage;
    const error = await failure(
      clientFor(DEMO.fabrikam.tenantId)
        .api(latest['@odata.deltaLink'] ?? '')
        .get(),
    );
    expect(error).toMatchObject({ statusCode: 400, code: 'Request_BadRequest' });
  });

  it('from before a restart ask for a full resync with 410 SyncStateNotFound', async () => {
    const contoso = clientFor(DEMO.contoso.tenantId);
    const latest = (await contoso.api('/users/delta?$deltatoken=latest').get()) as DeltaPage;
    const restarted = await startSimulatorServer(buildDemoDirectory(NOW));
    try {
      const link = (latest['@odata.deltaLink'] ?? '').replace(server.origin, restarted.origin);
      const client = createGraphClient({
        baseUrl: restarted.graphBaseUrl,
        getAccessToken: () => restarted.issuer.mintAppToken(DEMO.contoso.tenantId),
      });
      expect(await failure(client.api(link).get())).toMatchObject({
        statusCode: 410,
        code: 'SyncStateNotFound',
      });
    } finally {
      await restarted.close();
    }
  });
});
