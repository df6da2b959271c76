import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

import { z } from 'zod';

/**
 * The one place that reads the environment. Everything else receives a validated Config,
 * so a misconfigured deployment fails at start-up with a message naming the setting.
 */

export type Mode = 'local' | 'azure';

export interface AuthConfig {
  /** Issuer templates; `{tenantid}` is replaced with the token's `tid` before comparison. */
  issuerTemplates: string[];
  jwksUri: string;
  audiences: string[];
  /** `'*'` accepts any tenant (multi-tenant app); otherwise an allow-list of tenant GUIDs. */
  allowedTenants: '*' | string[];
}

export interface GraphConfig {
  /** Base URL without the version segment, e.g. `https://graph.microsoft.com/`. */
  baseUrl: string;
  credential:
    | {
        kind: 'local-client-credentials';
        tokenUrlTemplate: string;
        clientId: string;
        clientSecret: string;
      }
    /**
     * Azure: the Function App's managed identity vouches for the app registration (workload
     * identity federation), so Graph sees the Teams app itself, in any tenant that consented.
     */
    | { kind: 'federated-managed-identity'; appClientId: string; managedIdentityClientId?: string }
    | { kind: 'client-secret'; clientId: string; clientSecret: string };
}

export interface CosmosConfig {
  endpoint: string;
  /** Absent in Azure: the Function App reaches Cosmos DB with its managed identity. */
  key?: string;
  /** The user-assigned managed identity to use when there is no key. */
  managedIdentityClientId?: string;
  database: string;
}

export interface Config {
  mode: Mode;
  cosmos: CosmosConfig;
  auth: AuthConfig;
  graph: GraphConfig;
  /** The only origin allowed to call the API from a browser (CORS). */
  tabOrigin: string;
  /** Where people open the tab; used for links in agendas. */
  tabPublicUrl: string;
  /**
   * The Teams app's id as Teams deep links name it (`https://teams.microsoft.com/l/entity/{id}/…`):
   * a click on an activity-feed notification opens the personal app's tab through it.
   */
  teamsAppId: string;
  /** How long a manager relationship read from Graph is trusted for access decisions. */
  orgChartCacheSeconds: number;
  scheduler: SchedulerConfig;
}

export interface SchedulerConfig {
  /** Tenants to schedule besides those that have saved settings. */
  tenants: string[];
  /** A pass stops cleanly after this long; the next run resumes where it stopped. */
  budgetSeconds: number;
  /** Managers worked on at once; each mailbox still gets at most 4 concurrent requests. */
  managerConcurrency: number;
  /** The employee is reminded to update their board this many days before a conversation. */
  reminderDays: number;
}

export interface LocalPorts {
  api: number;
  tab: number;
  dev: number;
  cosmos: number;
}

/** The well-known key of the Cosmos DB emulator; also accepted by the embedded server. */
export const EMULATOR_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
export const LOCAL_APP_CLIENT_ID = '00000000-0000-0000-0000-00000000c0de';
export const LOCAL_APP_SECRET = 'local-only-secret';
/** The placeholder Teams app id of env/.env.local, so local deep links match the local package. */
export const LOCAL_TEAMS_APP_ID = '00000000-0000-4000-8000-00000000b0a4';
export const DATABASE_NAME = 'career-board';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/**
 * An optional setting that an env file may leave empty (`COSMOS_KEY=`): empty means absent, as
 * the toolkit's env files write every key whether or not it has a value.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Days before a conversation that the board-update reminder goes out (a day at least, two weeks at most). */
const reminderDays = z.coerce.number().int().min(1).max(14).default(3);

const portsSchema = z.object({
  API_PORT: port(7071),
  TAB_PORT: port(53000),
  DEV_PORT: port(7072),
  COSMOS_PORT: port(8081),
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
});

const splitList = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

const TENANT_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `*` alone (any tenant) or tenant ids. Tokens carry `tid` as a GUID, so a domain name such as
 * contoso.onmicrosoft.com would never match and would silently lock everyone out: refuse it here.
 */
const allowedTenants = z
  .string()
  .min(1)
  .transform(splitList)
  .superRefine((entries, ctx) => {
    if (entries.length === 0) ctx.addIssue({ code: 'custom', message: 'names no tenant' });
    if (entries.includes('*') && entries.length > 1)
      ctx.addIssue({ code: 'custom', message: 'use * alone, or a list of tenant ids' });
    for (const entry of entries) {
      if (entry !== '*' && !TENANT_GUID.test(entry))
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" is not a tenant id (a GUID)`,
        });
    }
  });

const azureEnvSchema = z.object({
  COSMOS_ENDPOINT: z.string().url(),
  COSMOS_KEY: optional(z.string().min(1)),
  COSMOS_DATABASE: z.string().min(1).default(DATABASE_NAME),
  AZURE_CLIENT_ID: optional(z.string().min(1)),
  AAD_APP_CLIENT_ID: z.string().uuid(),
  AAD_APP_CLIENT_SECRET: optional(z.string().min(1)),
  AAD_APP_ID_URI: z.string().min(1),
  ALLOWED_TENANTS: allowedTenants,
  TAB_ORIGIN: z.string().url(),
  TAB_PUBLIC_URL: z.string().url(),
  // teamsApp/create writes it (env/.env.{env}); infra/azure.bicep passes it on.
  TEAMS_APP_ID: z.string().uuid(),
  // The Graph SDK attaches the token only to https URLs (shared/TOOLCHAIN.md): an http base URL
  // would send every request unauthenticated.
  GRAPH_BASE_URL: z
    .string()
    .url()
    .refine((url) => url.startsWith('https://'), 'must be an https URL')
    .default('https://graph.microsoft.com/'),
  ORG_CHART_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  SCHEDULER_BUDGET_SECONDS: z.coerce.number().int().min(10).max(3600).default(540),
  SCHEDULER_MANAGER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  SCHEDULER_REMINDER_DAYS: reminderDays,
});

/** Every setting azure mode reads, for infrastructure checks (tests/infra/bicep.test.ts). */
export const AZURE_MODE_SETTINGS: readonly string[] = [
  'CAREER_BOARD_MODE',
  ...Object.keys(azureEnvSchema.shape),
];

/** The azure-mode settings without a default: a deployment must set each of them. */
export const AZURE_MODE_REQUIRED_SETTINGS: readonly string[] = [
  'CAREER_BOARD_MODE',
  ...Object.entries(azureEnvSchema.shape)
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([name]) => name),
];

export class ConfigError extends Error {
  override name = 'ConfigError';
  /** The settings at fault, by name only (their values may be private). */
  readonly settings: string[];
  constructor(message: string, settings: string[] = []) {
    super(message);
    this.settings = settings;
  }
}

function parse<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    const settings = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))];
    throw new ConfigError(`Invalid configuration: ${problems}`, settings.filter(Boolean));
  }
  return result.data;
}

export function readLocalPorts(env: NodeJS.ProcessEnv = process.env): LocalPorts {
  const e = parse(portsSchema, env);
  return { api: e.API_PORT, tab: e.TAB_PORT, dev: e.DEV_PORT, cosmos: e.COSMOS_PORT };
}

/** Local mode: the embedded Cosmos server, the Graph simulator and the dev identity issuer. */
export function buildLocalConfig(
  ports: LocalPorts,
  env: NodeJS.ProcessEnv = process.env,
  overrides: { orgChartCacheSeconds?: number; schedulerTenants?: string[] } = {},
): Config {
  const e = parse(localEnvSchema, env);
  const dev = `http://localhost:${ports.dev}`;
  const tabOrigin = `http://localhost:${ports.tab}`;
  return {
    mode: 'local',
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT ?? `https://localhost:${ports.cosmos}/`,
      key: e.COSMOS_KEY ?? EMULATOR_KEY,
      database: e.COSMOS_DATABASE,
    },
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
    },
  };
}

/** Azure mode: Entra ID tokens, Graph app-only through a managed identity, Cosmos DB through RBAC. */
export function buildAzureConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parse(azureEnvSchema, env);
  const tenants = e.ALLOWED_TENANTS.includes('*') ? '*' : e.ALLOWED_TENANTS;
  return {
    mode: 'azure',
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT,
      key: e.COSMOS_KEY,
      database: e.COSMOS_DATABASE,
      managedIdentityClientId: e.AZURE_CLIENT_ID,
    },
    auth: {
      issuerTemplates: [
        'https://login.microsoftonline.com/{tenantid}/v2.0',
        'https://sts.windows.net/{tenantid}/',
      ],
      jwksUri: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      audiences: [e.AAD_APP_ID_URI, e.AAD_APP_CLIENT_ID],
      allowedTenants: tenants,
    },
    graph: {
      baseUrl: e.GRAPH_BASE_URL,
      credential: e.AAD_APP_CLIENT_SECRET
        ? {
            kind: 'client-secret',
            clientId: e.AAD_APP_CLIENT_ID,
            clientSecret: e.AAD_APP_CLIENT_SECRET,
          }
        : {
            kind: 'federated-managed-identity',
            appClientId: e.AAD_APP_CLIENT_ID,
            managedIdentityClientId: e.AZURE_CLIENT_ID,
          },
    },
    tabOrigin: e.TAB_ORIGIN,
    tabPublicUrl: e.TAB_PUBLIC_URL,
    teamsAppId: e.TEAMS_APP_ID,
    orgChartCacheSeconds: e.ORG_CHART_CACHE_SECONDS,
    scheduler: {
      tenants: tenants === '*' ? [] : tenants,
      budgetSeconds: e.SCHEDULER_BUDGET_SECONDS,
      managerConcurrency: e.SCHEDULER_MANAGER_CONCURRENCY,
      reminderDays: e.SCHEDULER_REMINDER_DAYS,
    },
  };
}

/** The configuration of the process this code runs in. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
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
  const config = loadConfig(env);
  const ports = readLocalPorts(env);
  const e = parse(startEnvSchema, env);
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
