import { request } from 'node:https';

import { generateOrg } from '../../../api/src/local/demo-org/generateOrg';
import type { GenerateOrgOptions } from '../../../api/src/local/demo-org/generateOrg';
import type { DemoDirectory } from '../../../api/src/local/demo-org/types';
import type { GraphStatsSnapshot } from '../../../api/src/local/graph-simulator/graphStats';
import { startSplitStack } from '../../../api/src/local/splitStack';
import type { SplitStack } from '../../../api/src/local/splitStack';

/**
 * The fan-out bench's stack: the embedded Cosmos server and the Graph simulator each in a process
 * of its own, the product's Services in this one. What it must keep from the one-process stack:
 * the embedded server's local fixes, the simulator's limits and counters, and nothing left
 * running once it is closed.
 */

const generate: GenerateOrgOptions = {
  tenantId: '5a5a5a5a-0000-4000-8000-00000000517a',
  tenantName: 'Split Corp',
  domain: 'split.example',
  size: 20,
  seed: 'split',
  now: new Date('2027-01-04T06:00:00.000Z'),
};

let directory: DemoDirectory;
let stack: SplitStack;
beforeAll(async () => {
  directory = generateOrg(generate);
  stack = await startSplitStack({
    directory,
    generatedFrom: generate,
    // One calendar request per second per mailbox: the second one is throttled.
    graphCalendarLimits: { requestsPerWindow: 1, windowMs: 1000 },
  });
});
afterAll(() => stack?.close());

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function graphStats(): Promise<GraphStatsSnapshot> {
  const response = await fetch(`${stack.urls.dev}/dev/graph-stats`);
  expect(response.status).toBe(200);
  return (await response.json()) as GraphStatsSnapshot;
}

describe('the split stack', () => {
  it('runs Cosmos DB and the Graph simulator in processes of their own', () => {
    const { cosmos, devServices } = stack.pids;
    expect(new Set([process.pid, cosmos, devServices]).size).toBe(3);
    expect(alive(cosmos) && alive(devServices)).toBe(true);
  });

  it('stores through the embedded Cosmos server in its process (the pilot it seeded reads back)', async () => {
    const tenant = directory.tenants[0];
    const settings = await stack.services.settings.read(tenant.id);
    expect(settings.etag).not.toBeNull();
    expect(settings.settings.pilot.group?.id).toBe(tenant.pilotGroupId);
  });

  it("keeps the embedded server's local fixes in its process: a query plan is refused at once", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        new URL('dbs/any/colls/any/docs', stack.urls.cosmos),
        {
          method: 'POST',
          headers: { 'x-ms-cosmos-is-query-plan-request': 'True' },
          rejectUnauthorized: false,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.once('error', reject);
      req.end('{}');
    });
    expect(status).toBe(400);
  });

  it('serves the directory the simulator generated itself, the same as this process generated', async () => {
    const someone = directory.users.find((u) => u.mail && u.accountEnabled)!;
    const person = await stack.services.directory.getPerson(directory.tenants[0].id, someone.id);
    expect(person?.displayName).toBe(someone.displayName);
  });

  it("applies the Outlook limits it was given and counts requests in the simulator's process", async () => {
    await fetch(`${stack.urls.dev}/dev/graph-stats`, { method: 'DELETE' });
    const mailbox = directory.users.find((u) => u.mail && u.accountEnabled)!;
    const graph = stack.services.graphFor(directory.tenants[0].id);
    const body = {
      schedules: [mailbox.mail],
      startTime: { dateTime: '2027-01-11T08:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2027-01-11T18:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 30,
    };
    // The second within the window is answered 429; the client retries after Retry-After.
    for (let i = 0; i < 2; i++)
      await graph.api(`/users/${mailbox.id}/calendar/getSchedule`).post(body);
    const stats = await graphStats();
    expect(stats.byMailbox[mailbox.id]).toBeGreaterThanOrEqual(2);
    expect(stats.throttled).toBeGreaterThanOrEqual(1);
  });

  it("tells how long each service's own server took, counting since the last ask", async () => {
    await stack.serviceStats();
    await stack.services.settings.read(directory.tenants[0].id);
    await graphStats();
    const { cosmos, devServices } = await stack.serviceStats();
    const count = (h: Record<string, number>) => Object.values(h).reduce((a, b) => a + b, 0);
    expect(count(cosmos.serverTimes)).toBeGreaterThanOrEqual(1);
    expect(count(devServices.serverTimes)).toBe(1);
  });

  it('leaves no process running once closed', async () => {
    const { cosmos, devServices } = stack.pids;
    await stack.close();
    expect(alive(cosmos) || alive(devServices)).toBe(false);
  });
});
