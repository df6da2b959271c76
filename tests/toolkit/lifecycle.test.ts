import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EMULATOR_KEY, loadStartSettings } from '../../api/src/local/localConfig';
import { parseEnvFile } from '../../scripts/package-app';
import {
  actionProblems,
  actionsOf,
  missingPaths,
  parseLifecycle,
  variablesUsedBeforeProduced,
} from './lifecycleCheck';
import type { Lifecycle } from './lifecycleCheck';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const LIFECYCLES = [
  { file: 'teamsapp.yml', envFile: 'env/.env.dev' },
  { file: 'teamsapp.local.yml', envFile: 'env/.env.local' },
];

const uses = (lifecycle: Lifecycle, stage: 'provision' | 'deploy' | 'publish') =>
  (lifecycle[stage] ?? []).map((a) => a.uses);

describe.each(LIFECYCLES)('$file', ({ file, envFile }) => {
  const text = read(file);
  const lifecycle = parseLifecycle(text);

  it('declares the schema version it is written against', () => {
    expect(lifecycle.version).toBe('v1.11');
    expect(text).toContain(
      `$schema=https://aka.ms/m365-agents-toolkits/${lifecycle.version}/yaml.schema.json`,
    );
  });

  it('uses only toolkit actions, each with its required parameters', () => {
    expect(actionProblems(lifecycle)).toEqual([]);
  });

  it('names only files that exist', () => {
    expect(missingPaths(lifecycle, ROOT)).toEqual([]);
  });

  it('never reads a variable before the env file or an earlier step provides it', () => {
    expect(variablesUsedBeforeProduced(lifecycle, read(envFile), ROOT)).toEqual([]);
  });

  it('registers, validates, packages and updates the Teams app on provision', () => {
    expect(uses(lifecycle, 'provision')).toEqual(
      expect.arrayContaining([
        'aadApp/create',
        'aadApp/update',
        'teamsApp/create',
        'teamsApp/validateManifest',
        'teamsApp/zipAppPackage',
        'teamsApp/validateAppPackage',
        'teamsApp/update',
      ]),
    );
  });

  it('never puts a secret on a command line, where process listings and logs show it', () => {
    for (const { action } of actionsOf(lifecycle)) {
      const commandLine = String(action.with?.args ?? '') + String(action.with?.run ?? '');
      expect({ step: action.name ?? action.uses, commandLine }).not.toEqual({
        step: action.name ?? action.uses,
        commandLine: expect.stringMatching(/\$\{\{\s*SECRET_/),
      });
    }
  });

  it('keeps client secrets in git-ignored .user files only', () => {
    for (const { action } of actionsOf(lifecycle)) {
      for (const variable of Object.values(action.writeToEnvironmentFile ?? {})) {
        if (/secret|password|token/i.test(variable)) expect(variable).toMatch(/^SECRET_/);
      }
      if (
        action.uses === 'file/createOrUpdateEnvironmentFile' &&
        JSON.stringify(action.with).includes('SECRET_')
      ) {
        expect(String(action.with?.target)).toMatch(/^\.\/env\/\.env\.[^/]+\.user$/);
      }
    }
  });
});

describe('teamsapp.yml (Azure)', () => {
  const lifecycle = parseLifecycle(read('teamsapp.yml'));

  it('provisions the Azure resources before the Entra app needs their domain', () => {
    const provision = uses(lifecycle, 'provision');
    expect(provision.indexOf('arm/deploy')).toBeGreaterThan(provision.indexOf('aadApp/create'));
    expect(provision.indexOf('arm/deploy')).toBeLessThan(provision.indexOf('aadApp/update'));
  });

  it('creates the Entra app without a client secret: Azure uses the managed identity', () => {
    const create = lifecycle.provision?.find((a) => a.uses === 'aadApp/create');
    expect(create?.with?.generateClientSecret).toBe(false);
  });

  it('builds with npm and deploys both the API and the tab', () => {
    const deploy = uses(lifecycle, 'deploy');
    expect(deploy).toEqual(
      expect.arrayContaining(['cli/runNpmCommand', 'azureFunctions/zipDeploy']),
    );
    const tabDeploy =
      deploy.includes('azureStorage/deploy') ||
      deploy.includes('azureStaticWebApps/getDeploymentToken');
    expect(tabDeploy).toBe(true);
  });

  it('trusts the managed identity as a federated credential once the identity exists', () => {
    const provision = lifecycle.provision ?? [];
    const trust = provision.findIndex(
      (a) => a.uses === 'script' && String(a.with?.run).includes('trust-managed-identity.sh'),
    );
    expect(trust).toBeGreaterThan(provision.findIndex((a) => a.uses === 'arm/deploy'));
    const script = read('scripts/trust-managed-identity.sh');
    // The issuer is the managed identity's own tenant, read from Azure, never the app's tenant.
    expect(script).toMatch(/az identity show --ids "\$identity_id" --query tenantId/);
    expect(script).toContain('issuer="https://login.microsoftonline.com/${tenant}/v2.0"');
    expect(script).not.toContain('AAD_APP_TENANT_ID');
  });

  it('stages the API with production dependencies installed from the root lock, not re-resolved', () => {
    const deploy = lifecycle.deploy ?? [];
    const runs = deploy.map((a) => String(a.with?.run ?? a.with?.args ?? ''));
    expect(runs.join('\n')).not.toMatch(/--no-package-lock|npm install/);
    const stage = deploy.findIndex((a) => String(a.with?.run).includes('stage-api.sh'));
    const zip = deploy.findIndex((a) => a.uses === 'azureFunctions/zipDeploy');
    expect(stage).toBeGreaterThan(
      deploy.findIndex((a) => a.with?.args === 'run build --workspace api'),
    );
    expect(stage).toBeLessThan(zip);
    expect(deploy[zip]?.with?.workingDirectory).toBe('./api/.deploy');
    const script = read('scripts/stage-api.sh');
    expect(script).toContain('cp package.json package-lock.json "$scratch/"');
    expect(script).toContain('npm ci --workspace api --omit=dev');
    expect(script).not.toMatch(/npm install/);
  });

  it('submits the package to the Teams admin center on publish', () => {
    expect(uses(lifecycle, 'publish')).toEqual(
      expect.arrayContaining(['teamsApp/update', 'teamsApp/publishAppPackage']),
    );
  });
});

describe('teamsapp.local.yml (local tab and API, real tenant)', () => {
  const lifecycle = parseLifecycle(read('teamsapp.local.yml'));

  it('creates no Azure resources', () => {
    expect(actionsOf(lifecycle).map(({ action }) => action.uses)).not.toContain('arm/deploy');
  });

  it('writes every setting azure mode requires to the env file npm start reads', () => {
    const write = (lifecycle.deploy ?? []).find(
      (a) => a.uses === 'file/createOrUpdateEnvironmentFile',
    );
    expect(write?.with?.target).toBe('./env/.env.local-api.user');
    const envs = write?.with?.envs as Record<string, string>;
    // Render the file as the toolkit would, from the env file and stand-ins for provisioned ids.
    const local = parseEnvFile(read('env/.env.local'));
    const values: Record<string, string> = {
      ...local,
      TEAMS_APP_ID: '99999999-8888-4777-8666-555555555555',
      AAD_APP_CLIENT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      AAD_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      SECRET_AAD_APP_CLIENT_SECRET: 'secret',
      TAB_ENDPOINT: 'https://tab-53000.devtunnels.example',
      TAB_DOMAIN: 'tab-53000.devtunnels.example',
      API_ENDPOINT: 'https://api-7071.devtunnels.example',
    };
    const rendered = Object.fromEntries(
      Object.entries(envs).map(([k, v]) => [
        k,
        String(v).replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => values[name] ?? ''),
      ]),
    );
    const settings = loadStartSettings({}, rendered);
    expect(settings.config).toMatchObject({
      mode: 'azure',
      tabOrigin: 'https://tab-53000.devtunnels.example',
      cosmos: { endpoint: local.COSMOS_ENDPOINT },
      auth: {
        audiences: [
          'api://tab-53000.devtunnels.example/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
          'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        ],
        allowedTenants: ['11111111-2222-4333-8444-555555555555'],
      },
    });
    expect(settings.tabApiBaseUrl).toBe('https://api-7071.devtunnels.example/api');
    // COSMOS_KEY may be empty, so a script writes it (the Toolkit stops on an empty ${{VALUE}}).
    const copy = (lifecycle.deploy ?? []).find((a) =>
      String(a.with?.run).includes('write-optional-setting.sh'),
    );
    expect(copy?.with?.run).toBe(
      'bash ./scripts/write-optional-setting.sh ./env/.env.local-api.user COSMOS_KEY',
    );
    // Every variable written is one the configuration reads (production's config.ts, or the local
    // host's local/localConfig.ts, which npm start uses): nothing is written for no one.
    const config = read('api/src/config.ts') + read('api/src/local/localConfig.ts');
    for (const name of Object.keys(envs)) expect(config).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe('the lifecycle checks themselves', () => {
  const lifecycle = parseLifecycle(read('teamsapp.yml'));

  it('report an unknown action and a missing parameter', () => {
    const broken = parseLifecycle(
      'version: v1.11\nprovision:\n  - uses: teamsApp/createApp\n    with: { name: x }\n  - uses: teamsApp/update\n    with: { appPackage: x }\n',
    );
    expect(actionProblems(broken)).toEqual([
      'provision: teamsApp/createApp is not an action of the toolkit schema',
      'provision: teamsApp/update lacks with.appPackagePath',
      'provision: teamsApp/update has unknown with.appPackage',
    ]);
  });

  it('report a file that does not exist', () => {
    const moved = parseLifecycle(
      read('teamsapp.yml').replace('./infra/azure.bicep', './infra/main.bicep'),
    );
    expect(missingPaths(moved, ROOT)).toEqual(['./infra/main.bicep']);
  });

  it('report a script a step runs that does not exist', () => {
    const renamed = parseLifecycle(
      read('teamsapp.yml').replace('./scripts/stage-api.sh', './scripts/stage.sh'),
    );
    expect(missingPaths(renamed, ROOT)).toEqual(['./scripts/stage.sh']);
  });

  it('report the Entra app being updated before the tab domain exists', () => {
    const provision = [...(lifecycle.provision ?? [])];
    const update = provision.findIndex((a) => a.uses === 'aadApp/update');
    const [aadUpdate] = provision.splice(update, 1);
    provision.splice(1, 0, aadUpdate!);
    const reordered = { ...lifecycle, provision };
    expect(variablesUsedBeforeProduced(reordered, read('env/.env.dev'), ROOT)).toEqual(
      expect.arrayContaining(['provision: aadApp/update reads TAB_DOMAIN before it is produced']),
    );
  });
});

describe('env files', () => {
  it('give local sensible, non-secret values', () => {
    const local = parseEnvFile(read('env/.env.local'));
    expect(local).toMatchObject({
      TAB_ENDPOINT: 'http://localhost:53000',
      TAB_DOMAIN: 'localhost:53000',
      COSMOS_ENDPOINT: 'https://localhost:8081/',
      // Every variable aad.manifest.json uses has a line (aadApp/update fills this one).
      AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '',
    });
    expect(local.COSMOS_KEY).toBe(EMULATOR_KEY);
    // Empty until `atk provision --env local` registers the apps: a preset client id would make
    // aadApp/create skip the registration and then fail on the empty object id.
    expect(local).toMatchObject({ AAD_APP_CLIENT_ID: '', AAD_APP_OBJECT_ID: '', TEAMS_APP_ID: '' });
    expect(Object.keys(local).filter((k) => k.startsWith('SECRET_'))).toEqual([]);
  });

  it('leave dev values the toolkit fills on provision empty', () => {
    const dev = parseEnvFile(read('env/.env.dev'));
    for (const key of [
      'TEAMS_APP_ID',
      'AAD_APP_CLIENT_ID',
      'TAB_ENDPOINT',
      'TAB_DOMAIN',
      'API_FUNCTION_RESOURCE_ID',
    ]) {
      expect(dev[key]).toBe('');
    }
    expect(dev.APP_NAME_SUFFIX).not.toBe('');
  });
});
