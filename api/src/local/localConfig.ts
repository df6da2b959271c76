import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

import { z } from 'zod';

import {
  buildAzureConfig,
  ConfigError,
  DATABASE_NAME,
  optional,
  parseSettings,
  reminderDays,
  mailboxLeaseSeconds,
  splitList,
} from '../config';
import type { Config } from '../config';
import { LOCAL_APP_CLIENT_ID, LOCAL_TEAMS_APP_ID } from '../hosting/localAppIds';
import { azuriteConnectionString } from './azurite';

/**
 * Local mode's configuration, apart from production's (config.ts): the embedded Cosmos DB server,
 * the Graph simulator and the dev identity issuer on loopback ports, and `npm start`'s settings.
 * Only the local host imports this; nothing that deploys does.
 */

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** The well-known key of the Cosmos DB emulator; also accepted by the embedded server. */
export const EMULATOR_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
export const LOCAL_APP_SECRET = 'local-only-secret';
export { LOCAL_APP_CLIENT_ID, LOCAL_TEAMS_APP_ID };
export interface LocalPorts {
  api: number;
  tab: number;
  dev: number;
  cosmos: number;
  /** Azurite's queue service (Azurite's own default port). */
  queues: number;
}

const portsSchema = z.object({
  API_PORT: port(7071),
  TAB_PORT: port(53000),
  DEV_PORT: port(7072),
  COSMOS_PORT: port(8081),
  QUEUE_PORT: port(10001),
});

const localEnvSchema = portsSchema.extend({
  COSMOS_ENDPOINT: optional(z.string().url()),
  COSMOS_KEY: optional(z.string().min(1)),
  COSMOS_DATABASE: z.string().min(1).default(DATABASE_NAME),
  ORG_CHART_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  SCHEDULER_TENANTS: optional(z.string()),
  SCHEDULER_BUDGET_SECONDS: z.coerce.number().int().min(10).max(3600).default(540),
  SCHEDULER_MANAGER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  SCHEDULER_REMINDER_DAYS: reminderDays,
  SCHEDULER_MAILBOX_LEASE_SECONDS: mailboxLeaseSeconds,
});

export function readLocalPorts(env: NodeJS.ProcessEnv = process.env): LocalPorts {
  const e = parseSettings(portsSchema, env);
  return {
    api: e.API_PORT,
    tab: e.TAB_PORT,
    dev: e.DEV_PORT,
    cosmos: e.COSMOS_PORT,
    queues: e.QUEUE_PORT,
  };
}

/** Local mode: the embedded Cosmos server, the Graph simulator and the dev identity issuer. */
export function buildLocalConfig(
  ports: LocalPorts,
  env: NodeJS.ProcessEnv = process.env,
  overrides: { orgChartCacheSeconds?: number; schedulerTenants?: string[] } = {},
): Config {
  const e = parseSettings(localEnvSchema, env);
  const dev = `http://localhost:${ports.dev}`;
  const tabOrigin = `http://localhost:${ports.tab}`;
  return {
    mode: 'local',
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT ?? `https://localhost:${ports.cosmos}/`,
      key: e.COSMOS_KEY ?? EMULATOR_KEY,
      database: e.COSMOS_DATABASE,
    },
    queues: { kind: 'connection-string', connectionString: azuriteConnectionString(ports.queues) },
    auth: {
      issuerTemplates: [`${dev}/identity/{tenantid}/v2.0`],
      jwksUri: `${dev}/identity/discovery/v2.0/keys`,
      audiences: [`api://localhost/${LOCAL_APP_CLIENT_ID}`, LOCAL_APP_CLIENT_ID],
      allowedTenants: '*',
    },
    graph: {
      baseUrl: `${dev}/graph/`,
      credential: {
        kind: 'local-client-credentials',
        tokenUrlTemplate: `${dev}/identity/{tenantid}/oauth2/v2.0/token`,
        clientId: LOCAL_APP_CLIENT_ID,
        clientSecret: LOCAL_APP_SECRET,
      },
    },
    tabOrigin,
    tabPublicUrl: `${tabOrigin}/`,
    teamsAppId: LOCAL_TEAMS_APP_ID,
    orgChartCacheSeconds: overrides.orgChartCacheSeconds ?? e.ORG_CHART_CACHE_SECONDS,
    scheduler: {
      tenants:
        overrides.schedulerTenants ?? (e.SCHEDULER_TENANTS ? splitList(e.SCHEDULER_TENANTS) : []),
      budgetSeconds: e.SCHEDULER_BUDGET_SECONDS,
      managerConcurrency: e.SCHEDULER_MANAGER_CONCURRENCY,
      reminderDays: e.SCHEDULER_REMINDER_DAYS,
      mailboxLeaseSeconds: e.SCHEDULER_MAILBOX_LEASE_SECONDS,
    },
  };
}

/**
 * The local host's configuration: local mode when CAREER_BOARD_MODE is unset or "local", azure
 * mode (the deployment's own settings, served by the local host) when it says so.
 */
export function loadHostConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.CAREER_BOARD_MODE || 'local';
  if (mode === 'azure') return buildAzureConfig(env);
  if (mode === 'local') return buildLocalConfig(readLocalPorts(env), env);
  throw new ConfigError(`CAREER_BOARD_MODE must be "local" or "azure", not "${mode}"`, [
    'CAREER_BOARD_MODE',
  ]);
}

/** What `npm start` needs besides the app's own configuration. */
export interface StartSettings {
  /** The app's configuration (loadConfig); local mode rebuilds it once its ports are bound. */
  config: Config;
  ports: LocalPorts;
  /** Local mode without COSMOS_ENDPOINT: the Cosmos DB server runs in this process. */
  embeddedCosmos: boolean;
  /** The built tab to serve; absent means tabs/dist. */
  tabDistDir?: string;
  /** Azure mode: where the tab calls the API (a tunnel's https URL when Teams hosts the tab). */
  tabApiBaseUrl: string;
  /**
   * The environment the configuration was read from (the process's, over an env file's), for
   * the local stack, which builds its configuration again after binding ephemeral ports.
   */
  env: NodeJS.ProcessEnv;
}

const startEnvSchema = z.object({
  COSMOS_ENDPOINT: optional(z.string().url()),
  TAB_DIST_DIR: optional(z.string().min(1)),
  TAB_API_BASE_URL: optional(z.string().url()),
});

/**
 * `npm start`'s settings: the process environment over the variables of `envFile` (as Node's own
 * `--env-file` does: a variable set in the shell wins), e.g. the env/.env.local-api.user that
 * `atk deploy --env local` writes.
 */
export function loadStartSettings(
  options: { envFile?: string } = {},
  processEnv: NodeJS.ProcessEnv = process.env,
): StartSettings {
  const env = options.envFile ? { ...readEnvFile(options.envFile), ...processEnv } : processEnv;
  const config = loadHostConfig(env);
  const ports = readLocalPorts(env);
  const e = parseSettings(startEnvSchema, env);
  return {
    config,
    ports,
    embeddedCosmos: config.mode === 'local' && !e.COSMOS_ENDPOINT,
    tabDistDir: e.TAB_DIST_DIR,
    tabApiBaseUrl: (e.TAB_API_BASE_URL ?? `http://localhost:${ports.api}/api`).replace(/\/+$/, ''),
    env,
  };
}

/** The variables of a dotenv file (KEY=value lines, # comments, optional quotes). */
export function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `Cannot read the env file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const parsed = parseEnv(text);
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
