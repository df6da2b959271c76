import { parseRuntimeConfig } from '../../../tabs/src/config/runtimeConfig';

describe('runtime config', () => {
  test('is accepted when complete, trimmed of trailing slashes', () => {
    expect(
      parseRuntimeConfig({
        mode: 'local',
        apiBaseUrl: 'http://localhost:7071/api/',
        devServicesUrl: 'http://localhost:7072',
        extraHostOrigins: ['http://localhost:4000'],
      }),
    ).toEqual({
      mode: 'local',
      apiBaseUrl: 'http://localhost:7071/api',
      devServicesUrl: 'http://localhost:7072',
      extraHostOrigins: ['http://localhost:4000'],
      entra: null,
    });
  });

  test('carries the app registration when given, so the tab can ask for consent itself', () => {
    const entra = {
      clientId: '11111111-2222-4333-8444-555555555555',
      apiScope: 'api://tab.example.net/11111111-2222-4333-8444-555555555555/access_as_user',
    };
    const base = { mode: 'azure', apiBaseUrl: 'https://api.example.net/api', devServicesUrl: null };
    expect(parseRuntimeConfig({ ...base, entra })?.entra).toEqual(entra);
    expect(parseRuntimeConfig({ ...base, entra: { ...entra, clientId: 'x' } })).toBeNull();
    expect(parseRuntimeConfig({ ...base, entra: { ...entra, apiScope: 'openid' } })).toBeNull();
  });

  test('is refused when a field is wrong', () => {
    expect(
      parseRuntimeConfig({
        mode: 'cloud',
        apiBaseUrl: 'http://x',
        devServicesUrl: null,
        extraHostOrigins: [],
      }),
    ).toBeNull();
    expect(
      parseRuntimeConfig({
        mode: 'azure',
        apiBaseUrl: 'javascript:alert(1)',
        devServicesUrl: null,
      }),
    ).toBeNull();
    expect(parseRuntimeConfig(null)).toBeNull();
  });
});
