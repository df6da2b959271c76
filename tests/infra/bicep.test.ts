import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  AZURE_MODE_REQUIRED_SETTINGS,
  AZURE_MODE_SETTINGS,
  DATABASE_NAME,
} from '../../api/src/config';
import { queueTriggers, WORK_QUEUES } from '../../api/src/functions/queueTriggers';
import { poisonQueueName } from '../../api/src/functions/queueTrigger';
import { CONTAINERS } from '../../api/src/store/cosmosClient';
import { Expression, parseBicep, syntaxProblems } from './bicepTree';
import type { BicepFile, BicepValue } from './bicepTree';

const ROOT = join(__dirname, '..', '..');
const SOURCE = readFileSync(join(ROOT, 'infra', 'azure.bicep'), 'utf8');

/** Settings the Functions host itself reads (Application Insights, identity-based host storage). */
const HOST_SETTINGS = [
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  'AzureWebJobsStorage__credential',
  'AzureWebJobsStorage__clientId',
  'AzureWebJobsStorage__blobServiceUri',
  'AzureWebJobsStorage__queueServiceUri',
  'AzureWebJobsStorage__tableServiceUri',
];

/** Secrets the app could read but Azure must never hold: it uses the managed identity instead. */
const FORBIDDEN_SETTINGS = ['COSMOS_KEY', 'AAD_APP_CLIENT_SECRET'];

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0] as T;
}

const sourceOf = (value: BicepValue | undefined) =>
  value instanceof Expression ? value.source : value;

interface AppSetting {
  name: string;
  /** The value as written in the template, before evaluation. */
  source: string;
  value: BicepValue;
}

function appSettings(file: BicepFile): AppSetting[] {
  const site = only(file.resourcesOfType('Microsoft.Web/sites'), 'Function App');
  const list = file.property(site.body, ['properties', 'siteConfig', 'appSettings']);
  if (!list) return [];
  return list.namedChildren
    .filter((n) => n.type === 'object')
    .map((entry) => {
      const valueNode = file.property(entry, ['value']);
      return {
        name: String(file.evaluate(file.property(entry, ['name']) ?? entry)),
        source: valueNode?.text ?? '',
        value: valueNode ? file.evaluate(valueNode) : null,
      };
    });
}

/** App settings that carry an account key or fetch one: the template must never do either. */
function keyBearingSettings(file: BicepFile): string[] {
  return appSettings(file)
    .filter(
      (s) =>
        /listKeys\(|AccountKey/i.test(s.source) ||
        /AccountKey/i.test(JSON.stringify(sourceOf(s.value))),
    )
    .map((s) => s.name);
}

describe('infra/azure.bicep', () => {
  let file: BicepFile;

  beforeAll(async () => {
    file = await parseBicep(SOURCE);
  });

  describe('syntax', () => {
    it('parses with no ERROR and no MISSING nodes', () => {
      expect(syntaxProblems(file.root)).toEqual([]);
    });

    it('reports a broken snippet, so a clean parse means something', async () => {
      const unclosed = await parseBicep(
        "resource site 'Microsoft.Web/sites@2024-04-01' = {\n  name: 'x'\n  properties: {\n",
      );
      const garbage = await parseBicep("param location string = \nvar = 'x'\n");
      expect(syntaxProblems(unclosed.root).length).toBeGreaterThan(0);
      expect(syntaxProblems(garbage.root)).toEqual(
        expect.arrayContaining([expect.objectContaining({ line: expect.any(Number) })]),
      );
    });
  });

  it('declares every resource the app needs', () => {
    const types = new Set(file.resources().map((r) => r.type));
    for (const type of [
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.OperationalInsights/workspaces',
      'Microsoft.Insights/components',
      'Microsoft.Storage/storageAccounts',
      'Microsoft.Storage/storageAccounts/blobServices/containers',
      'Microsoft.Storage/storageAccounts/queueServices/queues',
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.Web/staticSites',
      'Microsoft.DocumentDB/databaseAccounts',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
      'Microsoft.Authorization/roleAssignments',
    ]) {
      expect(types).toContain(type);
    }
  });

  describe('Function App on Flex Consumption', () => {
    it('runs on an FC1 FlexConsumption plan', () => {
      const plan = only(file.resourcesOfType('Microsoft.Web/serverfarms'), 'plan');
      expect(file.evaluate(file.property(plan.body, ['sku'])!)).toEqual({
        name: 'FC1',
        tier: 'FlexConsumption',
      });
      const site = only(file.resourcesOfType('Microsoft.Web/sites'), 'Function App');
      expect(file.property(site.body, ['properties', 'serverFarmId'])?.text).toBe(
        `${plan.symbol}.id`,
      );
    });

    it('declares a Node.js 20+ runtime and an identity-authenticated deployment container', () => {
      const site = only(file.resourcesOfType('Microsoft.Web/sites'), 'Function App');
      const config = file.evaluate(
        file.property(site.body, ['properties', 'functionAppConfig'])!,
      ) as Record<string, Record<string, BicepValue>>;
      expect(config.runtime?.name).toBe('node');
      expect(Number(config.runtime?.version)).toBeGreaterThanOrEqual(20);
      const storage = (config.deployment as Record<string, Record<string, BicepValue>>).storage;
      expect(storage?.type).toBe('blobContainer');
      expect(storage?.authentication).toMatchObject({ type: 'UserAssignedIdentity' });
    });

    it('runs as the user-assigned identity', () => {
      const identity = only(
        file.resourcesOfType('Microsoft.ManagedIdentity/userAssignedIdentities'),
        'identity',
      );
      const site = only(file.resourcesOfType('Microsoft.Web/sites'), 'Function App');
      expect(file.property(site.body, ['identity', 'type'])?.text).toBe("'UserAssigned'");
      expect(file.property(site.body, ['identity', 'userAssignedIdentities'])?.text).toContain(
        `${identity.symbol}.id`,
      );
    });

    it('allows CORS from the tab origin only', () => {
      const site = only(file.resourcesOfType('Microsoft.Web/sites'), 'Function App');
      const origins = file.evaluate(
        file.property(site.body, ['properties', 'siteConfig', 'cors', 'allowedOrigins'])!,
      );
      const tab = only(file.resourcesOfType('Microsoft.Web/staticSites'), 'tab host');
      expect(origins).toEqual([`https://\${${tab.symbol}.properties.defaultHostname}`]);
    });
  });

  describe('app settings', () => {
    it('sets every setting azure mode requires (api/src/config.ts), each once', () => {
      const names = appSettings(file).map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining([...AZURE_MODE_REQUIRED_SETTINGS]));
      expect(new Set(names).size).toBe(names.length);
    });

    it('sets nothing that neither the app nor the Functions host reads, and no secret', () => {
      const names = appSettings(file).map((s) => s.name);
      expect(
        names.filter((n) => !AZURE_MODE_SETTINGS.includes(n) && !HOST_SETTINGS.includes(n)),
      ).toEqual([]);
      expect(names.filter((n) => FORBIDDEN_SETTINGS.includes(n))).toEqual([]);
    });

    it('fixes the values the app relies on', () => {
      const byName = new Map(appSettings(file).map((s) => [s.name, sourceOf(s.value)]));
      expect(byName.get('CAREER_BOARD_MODE')).toBe('azure');
      expect(byName.get('COSMOS_DATABASE')).toBe(DATABASE_NAME);
      expect(byName.get('GRAPH_BASE_URL')).toBe('https://graph.microsoft.com/');
      expect(byName.get('AzureWebJobsStorage__credential')).toBe('managedidentity');
      expect(byName.get('AZURE_CLIENT_ID')).toMatch(/\.properties\.clientId$/);
    });

    it('holds no account key and fetches none', () => {
      expect(keyBearingSettings(file)).toEqual([]);
      expect(SOURCE).not.toMatch(/listKeys\(|AccountKey=/);
    });

    it('would report a setting that carries a key', async () => {
      const leaky = SOURCE.replace(
        "name: 'COSMOS_DATABASE'\n          value: databaseName",
        "name: 'COSMOS_DATABASE'\n          value: functionStorage.listKeys().keys[0].value",
      ).replace(
        "value: 'managedidentity'",
        "value: 'DefaultEndpointsProtocol=https;AccountKey=abc'",
      );
      expect(leaky).not.toBe(SOURCE);
      expect(keyBearingSettings(await parseBicep(leaky)).sort()).toEqual(
        ['AzureWebJobsStorage__credential', 'COSMOS_DATABASE'].sort(),
      );
    });
  });

  describe('Cosmos DB', () => {
    it('is a serverless account with key authentication disabled', () => {
      const account = only(
        file.resourcesOfType('Microsoft.DocumentDB/databaseAccounts'),
        'Cosmos DB account',
      );
      const properties = file.evaluate(file.property(account.body, ['properties'])!) as Record<
        string,
        BicepValue
      >;
      expect(properties.capabilities).toEqual(
        expect.arrayContaining([{ name: 'EnableServerless' }]),
      );
      expect(properties.disableLocalAuth).toBe(true);
    });

    it('holds the career-board database and its containers with their partition keys', () => {
      const database = only(
        file.resourcesOfType('Microsoft.DocumentDB/databaseAccounts/sqlDatabases'),
        'database',
      );
      expect(file.evaluate(file.property(database.body, ['name'])!)).toBe(DATABASE_NAME);

      const containers = only(
        file.resourcesOfType('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers'),
        'container declaration',
      );
      expect(containers.loopCollection).toBeDefined();
      expect(file.property(containers.body, ['parent'])?.text).toBe(database.symbol);
      const specs = file.evaluate(containers.loopCollection!) as {
        name: string;
        partitionKeyPath: string;
      }[];
      // Exactly the containers the app opens: the API's data-plane role cannot create one.
      expect(Object.fromEntries(specs.map((c) => [c.name, c.partitionKeyPath]))).toEqual(
        CONTAINERS,
      );
      expect(
        file.property(containers.body, ['properties', 'resource', 'partitionKey', 'paths'])?.text,
      ).toContain('partitionKeyPath');
    });

    it('grants the managed identity the built-in Data Contributor role on the account', () => {
      const identity = only(
        file.resourcesOfType('Microsoft.ManagedIdentity/userAssignedIdentities'),
        'identity',
      );
      const assignment = only(
        file.resourcesOfType('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments'),
        'Cosmos DB role assignment',
      );
      const properties = file.evaluate(file.property(assignment.body, ['properties'])!) as Record<
        string,
        BicepValue
      >;
      expect(properties.roleDefinitionId).toMatch(
        /\/sqlRoleDefinitions\/00000000-0000-0000-0000-000000000002$/,
      );
      expect(sourceOf(properties.principalId)).toBe(`${identity.symbol}.properties.principalId`);
    });
  });

  it('grants the identity the storage roles the Functions host needs', () => {
    const storageRoles = file
      .resourcesOfType('Microsoft.Authorization/roleAssignments')
      .find((r) => r.loopCollection !== undefined);
    expect(storageRoles).toBeDefined();
    expect(file.evaluate(storageRoles!.loopCollection!)).toEqual(
      expect.arrayContaining([
        'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', // Storage Blob Data Owner
        '974c5e8b-45b9-4653-ba55-5f855dd0fb88', // Storage Queue Data Contributor
        '19e7f393-937e-4f77-808e-94535e297925', // Storage Queue Data Reader (queue trigger)
        '8a0f0c08-91a1-4084-bc3d-661d67233fed', // Storage Queue Data Message Processor (trigger)
        'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a', // Storage Queue Data Message Sender (enqueueing)
        '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', // Storage Table Data Contributor
      ]),
    );
    const account = file
      .resourcesOfType('Microsoft.Storage/storageAccounts')
      .find((r) => storageRoles!.body.text.includes(`scope: ${r.symbol}`));
    expect(account).toBeDefined();
    expect(
      file.evaluate(file.property(account!.body, ['properties', 'allowSharedKeyAccess'])!),
    ).toBe(false);
  });

  it("declares every work queue and its poison queue on the Function App's storage account", () => {
    const queues = only(
      file.resourcesOfType('Microsoft.Storage/storageAccounts/queueServices/queues'),
      'queue declaration',
    );
    expect(queues.loopCollection).toBeDefined();
    const names = file.evaluate(queues.loopCollection!) as string[];
    const expected = WORK_QUEUES.flatMap((q) => [q, poisonQueueName(q)]);
    expect([...names].sort()).toEqual([...expected].sort());
    // Every trigger reads a declared queue.
    for (const trigger of queueTriggers) expect(expected).toContain(trigger.queueName);

    const queueService = only(
      file.resourcesOfType('Microsoft.Storage/storageAccounts/queueServices'),
      'queue service',
    );
    expect(file.property(queues.body, ['parent'])?.text).toBe(queueService.symbol);
    const account = only(file.resourcesOfType('Microsoft.Storage/storageAccounts'), 'account');
    expect(file.property(queueService.body, ['parent'])?.text).toBe(account.symbol);
    // The host reaches them with the managed identity: the identity-based connection's queue URI
    // is this account's, and the site waits for the queues.
    const queueUri = appSettings(file).find(
      (s) => s.name === 'AzureWebJobsStorage__queueServiceUri',
    );
    expect(queueUri?.source).toBe(`${account.symbol}.properties.primaryEndpoints.queue`);
    expect(appSettings(file).find((s) => s.name === 'AzureWebJobsStorage__credential')?.value).toBe(
      'managedidentity',
    );
    const site = only(file.resourcesOfType('Microsoft.Web/sites'), 'Function App');
    expect(file.property(site.body, ['dependsOn'])?.text).toContain(queues.symbol);
  });

  it('sends telemetry to Application Insights backed by a Log Analytics workspace', () => {
    const workspace = only(
      file.resourcesOfType('Microsoft.OperationalInsights/workspaces'),
      'workspace',
    );
    const insights = only(
      file.resourcesOfType('Microsoft.Insights/components'),
      'Application Insights',
    );
    expect(file.property(insights.body, ['properties', 'WorkspaceResourceId'])?.text).toBe(
      `${workspace.symbol}.id`,
    );
  });

  it('outputs what teamsapp.yml and the docs consume', () => {
    expect([...file.outputs().keys()]).toEqual(
      expect.arrayContaining([
        'TAB_DOMAIN',
        'TAB_ENDPOINT',
        'TAB_STATIC_WEB_APP_RESOURCE_ID',
        'API_FUNCTION_ENDPOINT',
        'API_FUNCTION_RESOURCE_ID',
        'API_FUNCTION_NAME',
        'MANAGED_IDENTITY_CLIENT_ID',
        'MANAGED_IDENTITY_PRINCIPAL_ID',
      ]),
    );
  });

  it('agrees with infra/azure.parameters.json', () => {
    const parametersFile = JSON.parse(
      readFileSync(join(ROOT, 'infra', 'azure.parameters.json'), 'utf8'),
    ) as {
      parameters: Record<string, unknown>;
    };
    const declared = file.parameters();
    const supplied = Object.keys(parametersFile.parameters);
    expect(supplied.filter((name) => !declared.has(name))).toEqual([]);
    const required = [...declared]
      .filter(([, defaultValue]) => defaultValue === undefined)
      .map(([name]) => name);
    expect(required.filter((name) => !supplied.includes(name))).toEqual([]);
  });
});
