import { z } from 'zod';

/**
 * The one place that reads a deployment's environment. Everything else receives a validated
 * Config, so a misconfigured deployment fails at start-up with a message naming the setting.
 * Local mode (the embedded stack, dev identity, Graph simulator) is configured apart, by the local
 * host alone: local/localConfig.ts.
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

/**
 * The storage account the work queues live on: the Functions host's own (AzureWebJobsStorage), so
 * what the pass sends is what the queue triggers read. Azure: its queue endpoint through the
 * managed identity (no key); locally: Azurite's connection string.
 */
export type QueueConfig =
  | { kind: 'connection-string'; connectionString: string }
  | { kind: 'identity'; serviceUri: string; managedIdentityClientId?: string };

export interface Config {
  mode: Mode;
  cosmos: CosmosConfig;
  /** Null where nothing fans a pass out (the local azure-mode host serves the API only). */
  queues: QueueConfig | null;
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
  /**
   * How long a queue worker's hold on a manager's mailbox outlives its last renewal (renewed every
   * third of it): a worker that dies blocks that mailbox's items no longer than this.
   */
  mailboxLeaseSeconds: number;
}

export const DATABASE_NAME = 'career-board';

/**
 * An optional setting that an env file may leave empty (`COSMOS_KEY=`): empty means absent, as
 * the toolkit's env files write every key whether or not it has a value.
 */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Days before a conversation that the board-update reminder goes out (a day at least, two weeks at most). */
export const reminderDays = z.coerce.number().int().min(1).max(14).default(3);

/** Seconds a worker's mailbox lease lasts unrenewed (short in tests that kill a worker). */
export const mailboxLeaseSeconds = z.coerce.number().int().min(3).max(600).default(60);

export const splitList = (s: string): string[] =>
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
  SCHEDULER_MAILBOX_LEASE_SECONDS: mailboxLeaseSeconds,
  // The host's storage (infra/azure.bicep sets the identity-based queue endpoint; a connection
  // string also works): the pass sends its work items where the host's queue triggers read them.
  // Optional: the local azure-mode host serves the API only and never fans a pass out.
  AzureWebJobsStorage__queueServiceUri: optional(z.string().url()),
  AzureWebJobsStorage: optional(z.string().min(1)),
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

/** Parses the environment with `schema`; a failure names the settings at fault. */
export function parseSettings<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    const settings = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))];
    throw new ConfigError(`Invalid configuration: ${problems}`, settings.filter(Boolean));
  }
  return result.data;
}

/** Azure mode: Entra ID tokens, Graph app-only through a managed identity, Cosmos DB through RBAC. */
export function buildAzureConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseSettings(azureEnvSchema, env);
  const tenants = e.ALLOWED_TENANTS.includes('*') ? '*' : e.ALLOWED_TENANTS;
  return {
    mode: 'azure',
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT,
      key: e.COSMOS_KEY,
      database: e.COSMOS_DATABASE,
      managedIdentityClientId: e.AZURE_CLIENT_ID,
    },
    queues: e.AzureWebJobsStorage__queueServiceUri
      ? {
          kind: 'identity',
          serviceUri: e.AzureWebJobsStorage__queueServiceUri,
          managedIdentityClientId: e.AZURE_CLIENT_ID,
        }
      : e.AzureWebJobsStorage
        ? { kind: 'connection-string', connectionString: e.AzureWebJobsStorage }
        : null,
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
      mailboxLeaseSeconds: e.SCHEDULER_MAILBOX_LEASE_SECONDS,
    },
  };
}

/**
 * The configuration of a deployed Function App: azure mode only. Local mode belongs to the local
 * host (local/localConfig.ts), so a deployment whose CAREER_BOARD_MODE is unset, empty or anything
 * but "azure" fails closed: it serves nothing and names the setting to fix.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.CAREER_BOARD_MODE || undefined;
  if (mode === 'azure') return buildAzureConfig(env);
  throw new ConfigError(
    mode === undefined
      ? 'CAREER_BOARD_MODE is not set: a deployed API runs only with CAREER_BOARD_MODE=azure'
      : `CAREER_BOARD_MODE must be "azure" in a deployment, not "${mode}"`,
    ['CAREER_BOARD_MODE'],
  );
}
