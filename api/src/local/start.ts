import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { ConfigError } from '../config';
import { loadStartSettings } from './localConfig';
import type { StartSettings } from './localConfig';
import { timers } from '../functions/timers';
import { startAzureModeHost } from './azureModeHost';
import { buildDemoDirectory } from './demo-org/demoDirectory';
import { MAX_GENERATED_ORG_SIZE, withGeneratedOrg } from './demo-org/generatedTenant';
import type { GeneratedOrgGuide } from './demo-org/generatedTenant';
import { PortInUseError } from './listen';
import { azuriteDataDir, DataDirInUseError, DEFAULT_DATA_DIR, resetLocalData } from './localData';
import { JournalCorruptError } from './cosmosJournalReplay';
import { startStack } from './stack';
import { scheduleTimers } from './timerRunner';

/**
 * `npm start`: the whole product locally. By default on the embedded services (Cosmos DB, Graph
 * simulator, identity issuer); with CAREER_BOARD_MODE=azure (in the environment or in the file
 * given by `--env-file`) only the API and the tab, against the configured resources.
 * Ctrl-C stops everything.
 */

const USAGE = `Usage: npm start -- [--verbose] [--fresh] [--data-dir <path>] [--org-size <people>] [--env-file <path>]
  --verbose            log every request
  --fresh              start with empty local data (forget what the embedded Cosmos DB kept)
  --data-dir <path>    keep local data there instead of .localdata/ (local mode)
  --org-size <people>  also seed the Graph simulator with a generated organisation of that size
                       (local mode; up to ${MAX_GENERATED_ORG_SIZE.toLocaleString('en-US')})
  --env-file <path>    read settings from a dotenv file, e.g. env/.env.local-api.user written by
                       \`atk deploy --env local\` (variables set in the shell win)`;

class UsageError extends Error {}

interface StartArgs {
  verbose: boolean;
  fresh: boolean;
  dataDir: string;
  orgSize?: number;
  envFile?: string;
}

function readArgs(argv: string[]): StartArgs {
  let values: {
    verbose?: boolean;
    fresh?: boolean;
    'data-dir'?: string;
    'org-size'?: string;
    'env-file'?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        verbose: { type: 'boolean' },
        fresh: { type: 'boolean' },
        'data-dir': { type: 'string' },
        'org-size': { type: 'string' },
        'env-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const sizeText = values['org-size'];
  let orgSize: number | undefined;
  if (sizeText !== undefined) {
    orgSize = Number(sizeText);
    if (!/^\d+$/.test(sizeText) || orgSize < 1 || orgSize > MAX_GENERATED_ORG_SIZE) {
      throw new UsageError(
        `--org-size must be a whole number from 1 to ${MAX_GENERATED_ORG_SIZE}, not "${sizeText}"`,
      );
    }
  }
  return {
    verbose: values.verbose ?? false,
    fresh: values.fresh ?? false,
    dataDir: resolve(values['data-dir'] ?? DEFAULT_DATA_DIR),
    orgSize,
    envFile: values['env-file'],
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const args = readArgs(process.argv.slice(2));
  const settings = loadStartSettings({ envFile: args.envFile });
  const log = args.verbose ? (line: string) => console.log(line) : undefined;
  const stop =
    settings.config.mode === 'azure'
      ? await startAzureMode(settings, args, started, log)
      : await startLocalMode(settings, args, started, log);

  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: stopping Career Board...`);
    await stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void onSignal('SIGINT'));
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
}

async function startLocalMode(
  settings: StartSettings,
  args: StartArgs,
  started: number,
  log: ((line: string) => void) | undefined,
): Promise<() => Promise<void>> {
  const now = new Date();
  let directory = buildDemoDirectory(now);
  let guide: GeneratedOrgGuide | undefined;
  if (args.orgSize) ({ directory, guide } = withGeneratedOrg(directory, args.orgSize, now));
  const dataDir = settings.embeddedCosmos ? args.dataDir : undefined;
  if (dataDir && args.fresh) resetLocalData(dataDir);
  const stack = await startStack({
    ports: settings.ports,
    env: settings.env,
    directory,
    tabDistDir: settings.tabDistDir,
    log,
    dataDir,
  });
  const stopTimers = scheduleTimers(timers, stack.services, (line) => console.log(line));
  const people = stack.orgStore.snapshot();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const cosmosNote = settings.embeddedCosmos
    ? `(embedded, key: the emulator's well-known key; data kept in ${dataDir}, --fresh to reset)`
    : '(COSMOS_ENDPOINT)';

  console.log(`
Career Board is running (local mode, started in ${seconds} s)

  Tab            ${stack.urls.tab}
  API            ${stack.urls.api}/            (health: ${stack.urls.api}/health)
  Dev services   ${stack.urls.dev}/dev/users   (identity: ${stack.urls.dev}/identity/, Graph: ${stack.urls.dev}/graph/v1.0/)
  Cosmos DB      ${stack.urls.cosmos}          ${cosmosNote}
  Azurite        ${stack.urls.queues}   (queues; ${dataDir ? `kept in ${azuriteDataDir(dataDir)}` : 'in memory'})

  Demo organisations: ${people.tenants.map((t) => `${t.displayName} (${people.users.filter((u) => u.tenantId === t.id).length.toLocaleString('en-US')} people)`).join(', ')}
  Open the tab and pick someone under "Sign in as". Timers: ${timers.map((t) => `${t.name} [${t.schedule}]`).join(', ') || 'none'}.${guide ? generatedOrgLines(guide) : ''}

Press Ctrl-C to stop.`);

  return async () => {
    stopTimers();
    await stack.close();
  };
}

function generatedOrgLines(guide: GeneratedOrgGuide): string {
  const who = (u: GeneratedOrgGuide['ceo']) => `${u.displayName} <${u.userPrincipalName}>`;
  return `
  Generated organisation: ${guide.size.toLocaleString('en-US')} people, ${guide.levels} levels. Sign in as
    ${who(guide.ceo)} (the top), ${who(guide.busiestManager)} (the biggest team),
    or ${who(guide.employee)} (one of that team).`;
}

async function startAzureMode(
  settings: StartSettings,
  args: StartArgs,
  started: number,
  log: ((line: string) => void) | undefined,
): Promise<() => Promise<void>> {
  if (args.orgSize) {
    throw new UsageError(
      '--org-size seeds the local Graph simulator, which azure mode does not run',
    );
  }
  const { config } = settings;
  const host = await startAzureModeHost(settings, log);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
Career Board is running (azure mode, started in ${seconds} s)

  Tab            ${host.urls.tab}           (tab calls the API at ${settings.tabApiBaseUrl})
  API            ${host.urls.api}/            (health: ${host.urls.api}/health)
  Cosmos DB      ${config.cosmos.endpoint}
  Graph          ${config.graph.baseUrl}
  Accepts        Entra ID tokens for ${config.auth.audiences.join(' or ')}, CORS from ${config.tabOrigin}

  No embedded services: sign-in, Graph and Cosmos DB are the configured ones. Teams loads the tab
  only over https: see docs/deploy.md ("Debugging against a real tenant").
  Timers do not run here; \`npm run schedule -- --in-process\` runs one pass deliberately.

Press Ctrl-C to stop.`);
  return () => host.close();
}

main().catch((error: unknown) => {
  if (
    error instanceof PortInUseError ||
    error instanceof ConfigError ||
    error instanceof DataDirInUseError ||
    error instanceof JournalCorruptError
  ) {
    console.error(`\nCannot start Career Board: ${error.message}\n`);
  } else if (error instanceof UsageError) {
    console.error(`\nCannot start Career Board: ${error.message}\n\n${USAGE}\n`);
  } else {
    console.error('\nCannot start Career Board:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
