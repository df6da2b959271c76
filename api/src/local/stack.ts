import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { resolve } from 'node:path';

import type { Config } from '../config';
import { buildLocalConfig } from './localConfig';
import type { LocalPorts } from './localConfig';
import { routes } from '../functions/routes';
import { createServices } from '../services';
import type { Services } from '../services';
import { timers } from '../functions/timers';
import { toQueueHandler } from '../functions/queueTrigger';
import type { QueueTriggerDefinition } from '../functions/queueTrigger';
import { queueTriggers } from '../functions/queueTriggers';
import { QueueServiceClient } from '@azure/storage-queue';

import { createApiListener } from './apiHost';
import { startAzurite } from './azurite';
import { startEmbeddedCosmos } from './cosmosServer';
import { createDevServicesApp } from './devServicesApp';
import { buildDemoDirectory } from './demo-org/demoDirectory';
import type { DemoDirectory } from './demo-org/types';
import type { CalendarLimits, GraphLatencyModel } from './graph-simulator/graphSimulator';
import type { OrgStore } from './graph-simulator/orgStore';
import type { IdentityIssuer } from './identityIssuer';
import { readQueueHostSettings } from './hostQueueSettings';
import { close, listen } from './listen';
import { azuriteDataDir } from './localData';
import { startQueueTriggerHost } from './queueTriggerHost';
import type { QueueTriggerHost } from './queueTriggerHost';
import { createStartupGate, gatedListener } from './startupGate';
import { seedDemoPilots } from './seedPilots';
import { createTabListener } from './tabServer';

/**
 * The whole product on its embedded default, in one process: Cosmos DB, the dev services
 * (identity issuer, Graph simulator, dev controls), the API host, the tab server and the queue
 * triggers, with Azurite's queue service beside it in a process of its own (azurite.ts). `npm start`
 * runs it on the well-known ports; tests run it on ephemeral ones.
 */

export interface StackOptions {
  ports: LocalPorts;
  env?: NodeJS.ProcessEnv;
  directory?: DemoDirectory;
  /** Origins allowed to frame the tab and talk to teams-js in it (a local Teams test host). */
  extraHostOrigins?: string[];
  orgChartCacheSeconds?: number;
  tabDistDir?: string;
  log?: (line: string) => void;
  /** Outlook limits the Graph simulator applies (e.g. `latencyMs: 20` in benchmarks). */
  graphCalendarLimits?: Partial<CalendarLimits>;
  /** Graph's simulated service time (graph-simulator/latencyModel.ts); off when absent. */
  graphLatency?: GraphLatencyModel;
  /** Queue-triggered functions to run; the app's table (functions/queueTriggers.ts) by default. */
  queueTriggers?: QueueTriggerDefinition[];
  /** Keep the embedded Cosmos DB's data and Azurite's queues in this folder across restarts (localData.ts). */
  dataDir?: string;
}

export interface Stack {
  urls: { api: string; tab: string; dev: string; cosmos: string; queues: string };
  ports: LocalPorts;
  config: Config;
  services: Services;
  issuer: IdentityIssuer;
  orgStore: OrgStore;
  /** Azurite's queue service, the storage the queue triggers read (AzureWebJobsStorage locally). */
  queues: { connectionString: string; service: QueueServiceClient };
  close(): Promise<void>;
}

const DEFAULT_DIST = resolve(__dirname, '../../../tabs/dist');

/**
 * What each server answers before the stack is ready (startupGate.ts). The API and the dev
 * services refuse at once with 503 and Retry-After: a readiness probe learns "not yet" without
 * waiting, the tab's API client and the Graph client's retry handler try again after Retry-After.
 * The tab holds requests instead: a browser left open during a restart then simply loads the page
 * once the stack is up, rather than showing an error; past the bound it gets the 503 too.
 */
const API_STARTING = { kind: 'refuse', retryAfterSeconds: 1 } as const;
const TAB_STARTING = { kind: 'hold', maxWaitMs: 15_000, retryAfterSeconds: 1 } as const;

export async function startStack(options: StackOptions): Promise<Stack> {
  const env = options.env ?? {};
  const servers: Server[] = [];
  // Azurite takes seconds to load (a child process with its own module graph): it starts first
  // and in parallel, and is awaited last. A failure is handled where it is awaited, or on close.
  const azuriteStarting = startAzurite({
    port: options.ports.queues,
    location: options.dataDir ? azuriteDataDir(options.dataDir) : undefined,
  });
  azuriteStarting.catch(() => undefined);
  let queueHost: QueueTriggerHost | undefined;
  const closeAll = async () => {
    // The queue triggers first: a run in progress finishes against the servers it still needs.
    await queueHost?.stop();
    await Promise.all(servers.reverse().map((s) => close(s)));
    await azuriteStarting.then(
      (azurite) => azurite.close(),
      () => undefined,
    );
  };
  try {
    // Bind every port first, so ephemeral ports are known before anything is configured.
    const external = Boolean(env.COSMOS_ENDPOINT);
    const cosmos = external
      ? null
      : await startEmbeddedCosmos(options.ports.cosmos, { dataDir: options.dataDir });
    if (cosmos) servers.push(cosmos.server);
    // Each server answers from the moment it listens: its gate holds or refuses requests until
    // the listener that serves them is attached below.
    const devGate = gatedListener(createStartupGate('dev services', API_STARTING));
    const devServer = createServer(devGate.listener);
    servers.push(devServer);
    const apiGate = gatedListener(createStartupGate('API', API_STARTING));
    const apiServer = createServer(apiGate.listener);
    servers.push(apiServer);
    const tabGate = gatedListener(createStartupGate('tab', TAB_STARTING));
    const tabServer = createServer(tabGate.listener);
    servers.push(tabServer);
    const bound: Omit<LocalPorts, 'queues'> = {
      cosmos: cosmos?.port ?? options.ports.cosmos,
      dev: await listen(devServer, options.ports.dev, 'dev services', 'DEV_PORT'),
      api: await listen(apiServer, options.ports.api, 'API', 'API_PORT'),
      tab: await listen(tabServer, options.ports.tab, 'tab', 'TAB_PORT'),
    };
    const directory = options.directory ?? buildDemoDirectory(new Date());
    // The app sends work items to Azurite (config.queues): its port must be known first.
    const azurite = await azuriteStarting;
    const config = buildLocalConfig({ ...bound, queues: azurite.port }, env, {
      orgChartCacheSeconds: options.orgChartCacheSeconds,
      schedulerTenants: directory.tenants.map((t) => t.id),
    });
    const urls = {
      api: `http://localhost:${bound.api}/api`,
      tab: `http://localhost:${bound.tab}/`,
      dev: `http://localhost:${bound.dev}`,
      cosmos: config.cosmos.endpoint,
    };

    const dev = await createDevServicesApp({
      directory,
      devUrl: urls.dev,
      apiAudience: config.auth.audiences[0],
      allowedOrigin: config.tabOrigin,
      calendarLimits: options.graphCalendarLimits,
      latency: options.graphLatency,
    });
    devGate.serve(dev.listener);

    const services = await createServices(config);
    await seedDemoPilots(services, directory);
    apiGate.serve(
      createApiListener({
        routes,
        timers,
        services,
        allowedOrigin: config.tabOrigin,
        ownOrigin: new URL(urls.api).origin,
        log: options.log,
      }),
    );
    tabGate.serve(
      createTabListener({
        distDir: options.tabDistDir ?? DEFAULT_DIST,
        runtimeConfig: {
          mode: 'local',
          apiBaseUrl: urls.api,
          devServicesUrl: urls.dev,
          extraHostOrigins: options.extraHostOrigins ?? [],
        },
      }),
    );

    const queueService = QueueServiceClient.fromConnectionString(azurite.connectionString);
    queueHost = await startQueueTriggerHost({
      service: queueService,
      settings: readQueueHostSettings(),
      functions: (options.queueTriggers ?? queueTriggers).map((trigger) => ({
        name: trigger.name,
        queueName: trigger.queueName,
        handler: toQueueHandler(trigger, async () => services),
      })),
      log: options.log,
    });

    return {
      urls: { ...urls, queues: azurite.queueServiceUrl },
      ports: { ...bound, queues: azurite.port },
      config,
      services,
      issuer: dev.issuer,
      orgStore: dev.orgStore,
      queues: { connectionString: azurite.connectionString, service: queueService },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
