import { QueueServiceClient } from '@azure/storage-queue';

import type { Config } from '../config';
import { createServices } from '../services';
import type { Services } from '../services';
import { startAzurite } from './azurite';
import type { Azurite } from './azurite';
import { startCosmosProcess } from './cosmosProcess';
import type { CosmosProcessReady } from './cosmosProcess';
import { startDevServicesProcess } from './devServicesProcess';
import type { DevServicesProcessReady } from './devServicesProcess';
import type { CalendarLimits, GraphLatencyModel } from './graph-simulator/graphSimulator';
import { buildLocalConfig, LOCAL_APP_CLIENT_ID } from './localConfig';
import type { LocalPorts } from './localConfig';
import { seedDemoPilots } from './seedPilots';
import type { ServiceProcess } from './serviceProcess';
import type { ServiceStats } from './serviceStats';
import type { GenerateOrgOptions } from './demo-org/generateOrg';
import type { DemoDirectory } from './demo-org/types';

/**
 * The local stack's storage and simulator, each in a process of its own, as they are services of
 * their own in Azure: the embedded Cosmos server (cosmosProcess.ts), the dev services with the
 * Graph simulator (devServicesProcess.ts) and Azurite (azurite.ts), with this process holding only
 * the product's Services on them (what the pass's planner uses). No API, tab or queue triggers:
 * the fan-out bench's worker processes consume the queue (bench/fanOutWorker.ts). One process for
 * everything stays `npm start`'s and the tests' stack (stack.ts); this is for measuring which
 * service sets the pace, each one's CPU read apart (`pids`).
 */

export interface SplitStackOptions {
  /** The directory the simulator serves; its tenants are the scheduler's, with their pilots. */
  directory: DemoDirectory;
  /**
   * How `directory` was generated, when it was: the simulator's process then generates the same
   * one itself rather than receive it over IPC (100,000 people are hundreds of MB).
   */
  generatedFrom?: GenerateOrgOptions;
  graphCalendarLimits?: Partial<CalendarLimits>;
  graphLatency?: GraphLatencyModel;
  orgChartCacheSeconds?: number;
}

export interface SplitStack {
  urls: { dev: string; cosmos: string; queues: string };
  ports: LocalPorts;
  config: Config;
  /** This process's Services on the split services. */
  services: Services;
  queues: { connectionString: string; service: QueueServiceClient };
  /** The service processes, for reading their CPU (Azurite is this process's child too). */
  pids: { cosmos: number; devServices: number };
  /**
   * Each service process's server times and event-loop delay since it was ready or since the last
   * call (serviceStats.ts): call once to start a measurement afresh, once to end it.
   */
  serviceStats(): Promise<{ cosmos: ServiceStats; devServices: ServiceStats }>;
  close(): Promise<void>;
}

export async function startSplitStack(options: SplitStackOptions): Promise<SplitStack> {
  // All three start at once: each is seconds of module loading in its own process.
  const azuriteStarting = startAzurite({ port: 0 });
  const cosmosStarting = startCosmosProcess({ port: 0 });
  const devStarting = startDevServicesProcess({
    port: 0,
    directory: options.generatedFrom
      ? { generate: options.generatedFrom }
      : { given: options.directory },
    apiAudience: `api://localhost/${LOCAL_APP_CLIENT_ID}`,
    // No tab runs beside this stack: no browser origin is allowed.
    allowedOrigin: 'http://localhost:0',
    calendarLimits: options.graphCalendarLimits,
    latency: options.graphLatency,
  });
  const settled = await Promise.allSettled([azuriteStarting, cosmosStarting, devStarting]);
  const closeAll = () =>
    Promise.all(
      settled.map((s) => (s.status === 'fulfilled' ? s.value.close() : Promise.resolve())),
    ).then(() => undefined);
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) {
    await closeAll();
    throw failure.reason;
  }
  const azurite = (settled[0] as PromiseFulfilledResult<Azurite>).value;
  const cosmos = (settled[1] as PromiseFulfilledResult<ServiceProcess<CosmosProcessReady>>).value;
  const dev = (settled[2] as PromiseFulfilledResult<ServiceProcess<DevServicesProcessReady>>).value;
  try {
    // No API or tab here: their ports are 0, unused.
    const ports: LocalPorts = {
      api: 0,
      tab: 0,
      dev: dev.ready.port,
      cosmos: cosmos.ready.port,
      queues: azurite.port,
    };
    const config = buildLocalConfig(
      ports,
      {},
      {
        orgChartCacheSeconds: options.orgChartCacheSeconds,
        schedulerTenants: options.directory.tenants.map((t) => t.id),
      },
    );
    const services = await createServices(config);
    await seedDemoPilots(services, options.directory);
    return {
      urls: { dev: dev.ready.url, cosmos: cosmos.ready.endpoint, queues: azurite.queueServiceUrl },
      ports,
      config,
      services,
      queues: {
        connectionString: azurite.connectionString,
        service: QueueServiceClient.fromConnectionString(azurite.connectionString),
      },
      pids: { cosmos: cosmos.pid, devServices: dev.pid },
      serviceStats: async () => {
        const [c, d] = await Promise.all([cosmos.stats(), dev.stats()]);
        return { cosmos: c, devServices: d };
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
