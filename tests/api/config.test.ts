import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildAzureConfig, ConfigError, loadConfig } from '../../api/src/config';
import {
  buildLocalConfig,
  loadHostConfig,
  LOCAL_TEAMS_APP_ID,
  loadStartSettings,
} from '../../api/src/local/localConfig';
import { loadEnvironment } from '../../scripts/package-app';

const azureEnv = {
  COSMOS_ENDPOINT: 'https://career.documents.azure.com:443/',
  AZURE_CLIENT_ID: 'mi-client-id',
  AAD_APP_CLIENT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  AAD_APP_ID_URI: 'api://tab.example/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555, 99999999-2222-4333-8444-555555555555',
  TAB_ORIGIN: 'https://tab.example',
  TAB_PUBLIC_URL: 'https://tab.example/',
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
};

describe('configuration', () => {
  it('in Azure, Graph is reached as the app registration through the managed identity, with no secret', () => {
    const config = buildAzureConfig(azureEnv);
    expect(config.graph.credential).toEqual({
      kind: 'federated-managed-identity',
      appClientId: azureEnv.AAD_APP_CLIENT_ID,
      managedIdentityClientId: 'mi-client-id',
    });
    expect(config.cosmos).toMatchObject({
      key: undefined,
      managedIdentityClientId: 'mi-client-id',
    });
    expect(config.auth.allowedTenants).toEqual([
      '11111111-2222-4333-8444-555555555555',
      '99999999-2222-4333-8444-555555555555',
    ]);
    expect(config.auth.audiences).toEqual([azureEnv.AAD_APP_ID_URI, azureEnv.AAD_APP_CLIENT_ID]);
  });

  it('a client secret, when given, is used instead', () => {
    expect(
      buildAzureConfig({ ...azureEnv, AAD_APP_CLIENT_SECRET: 's' }).graph.credential.kind,
    ).toBe('client-secret');
  });

  it('"*" makes the app multi-tenant', () => {
    expect(buildAzureConfig({ ...azureEnv, ALLOWED_TENANTS: '*' }).auth.allowedTenants).toBe('*');
  });

  it('a missing or malformed setting stops start-up with its name', () => {
    expect(() => buildAzureConfig({ ...azureEnv, TAB_ORIGIN: 'not a url' })).toThrow(/TAB_ORIGIN/);
    expect(() => loadConfig({ CAREER_BOARD_MODE: 'staging' })).toThrow(ConfigError);
    expect(() => loadHostConfig({ CAREER_BOARD_MODE: 'staging' })).toThrow(ConfigError);
  });

  it('a deployment with CAREER_BOARD_MODE unset, empty or "local" fails closed, naming the setting', () => {
    for (const mode of [undefined, '', 'local']) {
      const env = { ...azureEnv, CAREER_BOARD_MODE: mode };
      let thrown: unknown;
      try {
        loadConfig(env);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).settings).toEqual(['CAREER_BOARD_MODE']);
    }
    expect(loadConfig({ ...azureEnv, CAREER_BOARD_MODE: 'azure' }).mode).toBe('azure');
  });

  it('only the local host falls back to local mode when CAREER_BOARD_MODE is unset', () => {
    expect(loadHostConfig({}).mode).toBe('local');
    expect(loadHostConfig({ ...azureEnv, CAREER_BOARD_MODE: 'azure' }).mode).toBe('azure');
  });

  it('locally, ports come from the environment and the issuer, JWKS and Graph follow them', () => {
    const config = buildLocalConfig({ api: 1, tab: 2, dev: 3, cosmos: 4, queues: 5 }, {});
    expect(config.auth.jwksUri).toBe('http://localhost:3/identity/discovery/v2.0/keys');
    expect(config.graph.baseUrl).toBe('http://localhost:3/graph/');
    expect(config.cosmos.endpoint).toBe('https://localhost:4/');
    expect(config.tabOrigin).toBe('http://localhost:2');
  });

  it('ALLOWED_TENANTS takes tenant GUIDs or * alone; a domain name stops start-up with the setting named', () => {
    expect(() =>
      buildAzureConfig({ ...azureEnv, ALLOWED_TENANTS: 'contoso.onmicrosoft.com' }),
    ).toThrow(/ALLOWED_TENANTS: "contoso.onmicrosoft.com" is not a tenant id/);
    expect(() =>
      buildAzureConfig({
        ...azureEnv,
        ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555,11111111-2222',
      }),
    ).toThrow(/ALLOWED_TENANTS/);
    expect(() =>
      buildAzureConfig({ ...azureEnv, ALLOWED_TENANTS: '*, 11111111-2222-4333-8444-555555555555' }),
    ).toThrow(/use \* alone/);
    expect(() => buildAzureConfig({ ...azureEnv, ALLOWED_TENANTS: ' , ' })).toThrow(
      /ALLOWED_TENANTS: names no tenant/,
    );
    expect(
      buildAzureConfig({ ...azureEnv, ALLOWED_TENANTS: '11111111-2222-4333-8444-55555555AAAA' })
        .auth.allowedTenants,
    ).toEqual(['11111111-2222-4333-8444-55555555aaaa']);
  });

  it('notifications deep-link with the Teams app id: required in Azure, the local package’s id locally', () => {
    expect(buildAzureConfig(azureEnv).teamsAppId).toBe(azureEnv.TEAMS_APP_ID);
    const { TEAMS_APP_ID: _omitted, ...withoutAppId } = azureEnv;
    expect(() => buildAzureConfig(withoutAppId)).toThrow(/TEAMS_APP_ID/);
    expect(() => buildAzureConfig({ ...azureEnv, TEAMS_APP_ID: 'career-board' })).toThrow(
      /TEAMS_APP_ID/,
    );
    expect(buildLocalConfig({ api: 1, tab: 2, dev: 3, cosmos: 4, queues: 5 }, {}).teamsAppId).toBe(
      LOCAL_TEAMS_APP_ID,
    );
    // The local package (`npm run package`) takes this id while env/.env.local's stays empty for
    // `atk provision --env local`: links must match the package.
    expect(loadEnvironment(join(__dirname, '..', '..'), 'local').TEAMS_APP_ID).toBe(
      LOCAL_TEAMS_APP_ID,
    );
  });

  it('the board-update reminder goes 3 days ahead unless SCHEDULER_REMINDER_DAYS says otherwise (1 to 14)', () => {
    expect(buildAzureConfig(azureEnv).scheduler.reminderDays).toBe(3);
    expect(
      buildAzureConfig({ ...azureEnv, SCHEDULER_REMINDER_DAYS: '5' }).scheduler.reminderDays,
    ).toBe(5);
    expect(
      buildLocalConfig(
        { api: 1, tab: 2, dev: 3, cosmos: 4, queues: 5 },
        { SCHEDULER_REMINDER_DAYS: '1' },
      ).scheduler.reminderDays,
    ).toBe(1);
    expect(() => buildAzureConfig({ ...azureEnv, SCHEDULER_REMINDER_DAYS: '0' })).toThrow(
      /SCHEDULER_REMINDER_DAYS/,
    );
  });

  it('in Azure, Graph must be reached over https, where the SDK attaches the token', () => {
    expect(() =>
      buildAzureConfig({ ...azureEnv, GRAPH_BASE_URL: 'http://graph.example/' }),
    ).toThrow(/GRAPH_BASE_URL: must be an https URL/);
  });

  it('an optional setting left empty in an env file counts as absent', () => {
    const config = buildAzureConfig({ ...azureEnv, COSMOS_KEY: '', AAD_APP_CLIENT_SECRET: '' });
    expect(config.cosmos.key).toBeUndefined();
    expect(config.graph.credential.kind).toBe('federated-managed-identity');
    expect(loadHostConfig({ CAREER_BOARD_MODE: '', COSMOS_ENDPOINT: '' }).mode).toBe('local');
  });

  describe('npm start settings', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'career-board-config-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('read an env file under the process environment, which wins', () => {
      const file = join(dir, '.env.local-api.user');
      writeFileSync(
        file,
        [
          '# written by atk deploy --env local',
          'CAREER_BOARD_MODE=azure',
          ...Object.entries(azureEnv).map(([k, v]) => `${k}="${v}"`),
          'API_PORT=9000',
          '',
        ].join('\n'),
      );
      const settings = loadStartSettings({ envFile: file }, { API_PORT: '9100' });
      expect(settings.config.mode).toBe('azure');
      expect(settings.config.auth.audiences).toEqual([
        azureEnv.AAD_APP_ID_URI,
        azureEnv.AAD_APP_CLIENT_ID,
      ]);
      expect(settings.ports.api).toBe(9100);
      expect(settings.tabApiBaseUrl).toBe('http://localhost:9100/api');
      expect(settings.embeddedCosmos).toBe(false);
    });

    it('name a missing env file', () => {
      expect(() => loadStartSettings({ envFile: join(dir, 'nope.env') }, {})).toThrow(
        /Cannot read the env file .*nope\.env: ENOENT/,
      );
    });

    it('default to local mode on the embedded Cosmos DB, the tab calling the local API', () => {
      const settings = loadStartSettings({}, { TAB_API_BASE_URL: 'https://api.example/api/' });
      expect(settings.config.mode).toBe('local');
      expect(settings.embeddedCosmos).toBe(true);
      expect(settings.ports).toEqual({
        api: 7071,
        tab: 53000,
        dev: 7072,
        cosmos: 8081,
        queues: 10001,
      });
      expect(settings.tabApiBaseUrl).toBe('https://api.example/api');
      expect(
        loadStartSettings({}, { COSMOS_ENDPOINT: 'https://localhost:8081/' }).embeddedCosmos,
      ).toBe(false);
    });
  });
});
