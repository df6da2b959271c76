import { readLocalPorts } from '../config';
import { timers } from '../timers/timers';
import { PortInUseError } from './listen';
import { startStack } from './stack';
import { scheduleTimers } from './timerRunner';

/** `npm start`: the whole product locally, on the embedded default. Ctrl-C stops everything. */
async function main(): Promise<void> {
  const started = performance.now();
  const verbose = process.argv.includes('--verbose');
  const stack = await startStack({
    ports: readLocalPorts(process.env),
    env: process.env,
    log: verbose ? (line) => console.log(line) : undefined,
  });
  const stopTimers = scheduleTimers(timers, stack.services, (line) => console.log(line));
  const people = stack.orgStore.snapshot();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  console.log(`
Career Board is running (local mode, started in ${seconds} s)

  Tab            ${stack.urls.tab}
  API            ${stack.urls.api}/            (health: ${stack.urls.api}/health)
  Dev services   ${stack.urls.dev}/dev/users   (identity: ${stack.urls.dev}/identity/, Graph: ${stack.urls.dev}/graph/v1.0/)
  Cosmos DB      ${stack.urls.cosmos}          (embedded, key: the emulator's well-known key)

  Demo organisations: ${people.tenants.map((t) => `${t.displayName} (${people.users.filter((u) => u.tenantId === t.id).length} people)`).join(', ')}
  Open the tab and pick someone under "Sign in as". Timers: ${timers.map((t) => `${t.name} [${t.schedule}]`).join(', ') || 'none'}.

Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: stopping Career Board...`);
    stopTimers();
    await stack.close();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof PortInUseError) {
    console.error(`\nCannot start Career Board: ${error.message}\n`);
  } else {
    console.error('\nCannot start Career Board:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
