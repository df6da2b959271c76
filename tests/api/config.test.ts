import { buildAzureConfig, buildLocalConfig, ConfigError, loadConfig } from '../../api/src/config';

const azureEnv = {
  COSMOS_ENDPOINT: 'https://career.documents.azure.com:443/',
  AZURE_CLIENT_ID: 'mi-client-id',
  AAD_APP_CLIENT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  AAD_APP_ID_URI: 'api://tab.example/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555, 99999999-2222-4333-8444-555555555555',
  TAB_ORIGIN: 'https://tab.example',
  TAB_PUBLIC_URL: 'https://tab.example/',
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
  });

  it('locally, ports come from the environment and the issuer, JWKS and Graph follow them', () => {
    const config = buildLocalConfig({ api: 1, tab: 2, dev: 3, cosmos: 4 }, {});
    expect(config.auth.jwksUri).toBe('http://localhost:3/identity/discovery/v2.0/keys');
    expect(config.graph.baseUrl).toBe('http://localhost:3/graph/');
    expect(config.cosmos.endpoint).toBe('https://localhost:4/');
    expect(config.tabOrigin).toBe('http://localhost:2');
  });
});
