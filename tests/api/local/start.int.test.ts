import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EMULATOR_KEY } from '../../../api/src/local/localConfig';
import { startEmbeddedCosmos } from '../../../api/src/local/cosmosServer';
import { GENERATED_TENANT } from '../../../api/src/local/demo-org/generatedTenant';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import type { DevUser } from '../../../api/src/local/graph-simulator/devUsers';
import { close } from '../../../api/src/local/listen';
import { sampleAspiration } from '../../support/boardFixtures';
import { freePorts as choosePorts } from '../../support/freePorts';

/**
 * `npm start` itself (api/src/local/start.ts, as `npm start` runs it after building the tab), in a
 * child process on free ports: it prints its banner, every service answers, Ctrl-C stops it with
 * exit code 0 and frees the ports, and a port in use stops it with a message naming the port.
 * A stand-in tab build keeps the test independent of `vite build`.
 */

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const START = join(ROOT, 'api', 'src', 'local', 'start.ts');
const BANNER_END = 'Press Ctrl-C to stop.';

interface Ports {
  API_PORT: number;
  TAB_PORT: number;
  DEV_PORT: number;
  COSMOS_PORT: number;
  QUEUE_PORT: number;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Milliseconds from spawn to the end of the banner. */
  startupMs: number;
}

let tabDir: string;
const children: ChildProcess[] = [];
const dataDirs: string[] = [];

beforeAll(() => {
  tabDir = mkdtempSync(join(tmpdir(), 'career-board-start-tab-'));
  writeFileSync(join(tabDir, 'index.html'), '<!doctype html><title>stand-in tab build</title>');
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(tabDir, { recursive: true, force: true });
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, 'localhost', () => resolve(server));
  });
}

async function freePorts(): Promise<Ports> {
  const ports = await choosePorts(5);
  return {
    API_PORT: ports[0]!,
    TAB_PORT: ports[1]!,
    DEV_PORT: ports[2]!,
    COSMOS_PORT: ports[3]!,
    QUEUE_PORT: ports[4]!,
  };
}

/** True when the port can be bound on loopback again (nothing listens there any more). */
async function isFree(port: number): Promise<boolean> {
  try {
    await close(await listenOn(port));
    return true;
  } catch {
    return false;
  }
}

/** The test runner's environment without anything that would change what start.ts does. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(CAREER_BOARD_|COSMOS_|AAD_|ALLOWED_|TAB_|GRAPH_|API_|DEV_|AZURE_)/.test(key))
      delete env[key];
  }
  return { ...env, TAB_DIST_DIR: tabDir, ...extra };
}

function spawnStart(
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  keptData?: string,
): Omit<Started, 'startupMs'> {
  // Each run keeps its local data in a folder of its own, never in the repository's .localdata/.
  const dataDir = keptData ?? mkdtempSync(join(tmpdir(), 'career-board-start-data-'));
  dataDirs.push(dataDir);
  // With a data folder to keep, node runs start.ts itself (tsx as a loader, not a wrapper
  // process), so SIGKILL reaches the stack rather than a parent that would leave it running.
  const command = keptData
    ? [process.execPath, ['--import', 'tsx', START, '--data-dir', dataDir, ...args]]
    : [TSX, [START, '--data-dir', dataDir, ...args]];
  const child = spawn(command[0] as string, command[1] as string[], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': tsx runs the script in a child of its own, whose output pipes stay open
  // until it too has gone.
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exit };
}

async function start(
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  keptData?: string,
): Promise<Started> {
  const spawned = Date.now();
  const run = spawnStart(env, args, keptData);
  const deadline = spawned + 45_000;
  while (!run.output().includes(BANNER_END)) {
    if (run.child.exitCode !== null) throw new Error(`start.ts exited early:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`no banner within 45 s:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ...run, startupMs: Date.now() - spawned };
}

/** Ctrl-C, as a person at the terminal would; resolves with how it exited and how long it took. */
async function interrupt(run: Started) {
  const sent = Date.now();
  run.child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    run.exit,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`still running 10 s after SIGINT:\n${run.output()}`)),
        10_000,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  return { ...result, stopMs: Date.now() - sent };
}

describe('npm start (api/src/local/start.ts)', () => {
  it('prints its URLs, serves the API, the tab and the dev services, and stops cleanly on Ctrl-C', async () => {
    const ports = await freePorts();
    const run = await start(cleanEnv(mapValues(ports)));
    console.log(`npm start (local mode, stand-in tab): banner ${run.startupMs} ms after spawn`);

    const banner = run.output();
    expect(banner).toContain(`http://localhost:${ports.TAB_PORT}/`);
    expect(banner).toContain(`http://localhost:${ports.API_PORT}/api/`);
    expect(banner).toContain(`http://localhost:${ports.DEV_PORT}/dev/users`);
    expect(banner).toContain(`https://localhost:${ports.COSMOS_PORT}/`);
    expect(banner).toContain(`http://127.0.0.1:${ports.QUEUE_PORT}/devstoreaccount1`);

    const health = await fetch(`http://localhost:${ports.API_PORT}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'healthy', mode: 'local' });

    const tab = await fetch(`http://localhost:${ports.TAB_PORT}/`);
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain('stand-in tab build');

    const users = await fetch(`http://localhost:${ports.DEV_PORT}/dev/users`);
    expect(users.status).toBe(200);
    expect(((await users.json()) as DevUser[]).map((u) => u.id)).toEqual(
      expect.arrayContaining([DEMO.contoso.employee, DEMO.fabrikam.manager]),
    );

    const stopped = await interrupt(run);
    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(stopped.stopMs).toBeLessThan(5_000);
    expect(run.output()).toContain('Stopped.');
    for (const port of Object.values(ports)) expect(await isFree(port)).toBe(true);
  });

  it('refuses to start when a port is taken, naming the port and the variable that moves it', async () => {
    const ports = await freePorts();
    const squatter = await listenOn(ports.API_PORT);
    try {
      const run = spawnStart(cleanEnv(mapValues(ports)));
      const { code } = await run.exit;
      expect(code).not.toBe(0);
      expect(run.output()).toContain(`Port ${ports.API_PORT} (API) is already in use`);
      expect(run.output()).toContain('API_PORT=<port>');
      // Whatever it had bound before failing is released again.
      for (const port of [ports.TAB_PORT, ports.DEV_PORT, ports.COSMOS_PORT, ports.QUEUE_PORT])
        expect(await isFree(port)).toBe(true);
    } finally {
      await close(squatter);
    }
  });

  it('with --org-size, adds a generated organisation whose people can sign in', async () => {
    const ports = await freePorts();
    const run = await start(cleanEnv(mapValues(ports)), ['--org-size', '300']);
    try {
      expect(run.output()).toMatch(/Woodgrove \(generated\) \(300 people\)/);
      const users = (await (
        await fetch(`http://localhost:${ports.DEV_PORT}/dev/users`)
      ).json()) as DevUser[];
      const generated = users.filter((u) => u.tenantId === GENERATED_TENANT.tenantId);
      expect(generated).toHaveLength(300);
      expect(users.some((u) => u.id === DEMO.contoso.employee)).toBe(true);

      // The banner's suggested employee signs in and reads their own profile through the API.
      const upn = /or .+? <([^>]+)> \(one of that team\)/.exec(run.output())?.[1];
      const employee = generated.find((u) => u.userPrincipalName === upn);
      expect(employee).toBeDefined();
      const token = (await (
        await fetch(`http://localhost:${ports.DEV_PORT}/identity/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ userId: employee!.id }),
        })
      ).json()) as { access_token: string };
      const me = await fetch(`http://localhost:${ports.API_PORT}/api/me`, {
        headers: { Authorization: `Bearer ${token.access_token}` },
      });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ id: employee!.id });
    } finally {
      await interrupt(run);
    }
  });

  it('keeps every acknowledged write through kill -9 of the whole stack, and --fresh forgets them', async () => {
    const ports = await freePorts();
    const env = cleanEnv(mapValues(ports));
    const dataDir = mkdtempSync(join(tmpdir(), 'career-board-start-data-'));
    const api = `http://localhost:${ports.API_PORT}/api`;
    let run = await start(env, [], dataDir);
    const people = (
      (await (await fetch(`http://localhost:${ports.DEV_PORT}/dev/users`)).json()) as DevUser[]
    )
      .filter((u) => u.tenantId === DEMO.contoso.tenantId)
      .slice(0, 10);
    // The identity issuer signs with a new key at each start: sign in again after a restart.
    const tokens = new Map<string, string>();
    const signIn = async () => {
      for (const person of people) {
        const issued = (await (
          await fetch(`http://localhost:${ports.DEV_PORT}/identity/token`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ userId: person.id }),
          })
        ).json()) as { access_token: string };
        tokens.set(person.id, `Bearer ${issued.access_token}`);
      }
    };
    await signIn();

    // Ten people add aspirations to their own boards at once; the stack is killed mid-way.
    const acknowledged = new Map<string, string[]>();
    let acks = 0;
    let killed = false;
    const refusedBeforeKill: string[] = [];
    const KILL_AFTER = 40;
    await Promise.all(
      people.map(async (person) => {
        for (let i = 0; i < 12 && !killed; i += 1) {
          const response = await fetch(`${api}/boards/${person.id}/aspirations`, {
            method: 'POST',
            headers: { Authorization: tokens.get(person.id)!, 'Content-Type': 'application/json' },
            body: JSON.stringify({ ...sampleAspiration, title: `Aspiration ${i}` }),
          }).catch(() => null);
          // A request or body cut off by the kill was not acknowledged; before it, not a 201 is a fault.
          const created =
            response?.status === 201
              ? ((await response.json().catch(() => null)) as { id: string } | null)
              : null;
          if (!created) {
            if (!killed) refusedBeforeKill.push(`${person.id}: ${response?.status ?? 'no answer'}`);
            continue;
          }
          acknowledged.set(person.id, [...(acknowledged.get(person.id) ?? []), created.id]);
          acks += 1;
          if (acks >= KILL_AFTER && !killed) {
            killed = true;
            run.child.kill('SIGKILL');
          }
        }
      }),
    );
    expect({ killed, refusedBeforeKill }).toEqual({ killed: true, refusedBeforeKill: [] });
    expect((await run.exit).signal).toBe('SIGKILL');
    // Azurite runs in a child of the stack's process and follows it down (azurite.ts): its port is
    // free for the restart without anyone stopping it.
    let azuriteGone = false;
    for (let tries = 0; tries < 100 && !azuriteGone; tries += 1) {
      azuriteGone = await isFree(ports.QUEUE_PORT);
      if (!azuriteGone) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(azuriteGone).toBe(true);

    const boardIds = async (personId: string) => {
      const response = await fetch(`${api}/boards/${personId}`, {
        headers: { Authorization: tokens.get(personId)! },
      });
      expect(response.status).toBe(200);
      const board = (await response.json()) as { aspirations: { id: string }[] };
      return board.aspirations.map((a) => a.id);
    };
    run = await start(env, [], dataDir);
    await signIn();
    try {
      const missing: string[] = [];
      for (const [personId, ids] of acknowledged) {
        const present = await boardIds(personId);
        missing.push(...ids.filter((id) => !present.includes(id)));
      }
      console.log(
        `kill -9 of the whole stack: ${acks} aspirations acknowledged before the kill, ` +
          `${acks - missing.length} present after restart`,
      );
      expect(acks).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(missing).toEqual([]);
    } finally {
      await interrupt(run);
    }

    run = await start(env, ['--fresh'], dataDir);
    await signIn();
    try {
      for (const personId of acknowledged.keys()) expect(await boardIds(personId)).toEqual([]);
    } finally {
      await interrupt(run);
    }
  });

  it('rejects a malformed --org-size before starting anything', async () => {
    const ports = await freePorts();
    const run = spawnStart(cleanEnv(mapValues(ports)), ['--org-size', 'lots']);
    expect((await run.exit).code).toBe(1);
    expect(run.output()).toContain('--org-size must be a whole number');
  });

  it('in azure mode (from an env file) serves only the API and the tab, against the configured Cosmos DB', async () => {
    const ports = await freePorts();
    // The "configured resources": a Cosmos DB this test runs, and a Graph that does not answer.
    const cosmos = await startEmbeddedCosmos(0);
    const deadGraph = (await freePorts()).API_PORT;
    const envFile = join(tabDir, '.env.local-api.user');
    writeFileSync(
      envFile,
      [
        'CAREER_BOARD_MODE=azure',
        `COSMOS_ENDPOINT=${cosmos.endpoint}`,
        `COSMOS_KEY=${EMULATOR_KEY}`,
        'COSMOS_DATABASE=start-azure-mode',
        'AAD_APP_CLIENT_ID=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        'AAD_APP_CLIENT_SECRET=not-used-offline',
        'AAD_APP_ID_URI=api://tab.example/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        'ALLOWED_TENANTS=11111111-2222-4333-8444-555555555555',
        'TAB_ORIGIN=https://tab.example',
        'TAB_PUBLIC_URL=https://tab.example/',
        'TEAMS_APP_ID=11111111-2222-4333-8444-555555555555',
        `GRAPH_BASE_URL=https://localhost:${deadGraph}/`,
        'TAB_API_BASE_URL=https://api.example/api',
        '',
      ].join('\n'),
    );
    try {
      const run = await start(cleanEnv(mapValues(ports)), ['--env-file', envFile]);
      console.log(`npm start (azure mode): banner ${run.startupMs} ms after spawn`);
      expect(run.output()).toContain('(azure mode');

      const health = await fetch(`http://localhost:${ports.API_PORT}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        mode: 'azure',
        cosmos: { ok: true },
        graph: { ok: false },
      });
      // Real Entra tokens only: no local issuer, so an unauthenticated call is refused.
      expect((await fetch(`http://localhost:${ports.API_PORT}/api/me`)).status).toBe(401);
      expect(
        (
          await fetch(`http://localhost:${ports.API_PORT}/admin/functions/scheduleConversations`, {
            method: 'POST',
          })
        ).status,
      ).toBe(404);

      const tabConfig = await fetch(`http://localhost:${ports.TAB_PORT}/config.json`);
      expect(await tabConfig.json()).toEqual({
        mode: 'azure',
        apiBaseUrl: 'https://api.example/api',
        devServicesUrl: null,
        extraHostOrigins: [],
      });

      // Nothing embedded: the dev services' and local Cosmos ports were never bound.
      expect(await isFree(ports.DEV_PORT)).toBe(true);
      expect(await isFree(ports.COSMOS_PORT)).toBe(true);

      expect(await interrupt(run)).toMatchObject({ code: 0 });
    } finally {
      await close(cosmos.server);
    }
  });
});

function mapValues(ports: Ports): Record<string, string> {
  return Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)]));
}
