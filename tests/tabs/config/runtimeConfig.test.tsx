import {
  loadRuntimeConfig,
  parseRuntimeConfig,
  takeEarlyConfigRequest,
} from '../../../tabs/src/config/runtimeConfig';

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

describe('the settings request index.html starts early', () => {
  const settings = { mode: 'local', apiBaseUrl: 'http://localhost:7071/api', devServicesUrl: null };
  const answer = (body: unknown) =>
    ({ ok: true, status: 200, json: () => Promise.resolve(body) }) as unknown as Response;

  test('is used instead of asking again', async () => {
    const fetchImpl = jest.fn<Promise<Response>, Parameters<typeof fetch>>();
    const config = await loadRuntimeConfig(fetchImpl, Promise.resolve(answer(settings)));
    expect(config.apiBaseUrl).toBe('http://localhost:7071/api');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  test('failed on the network, is asked for once more', async () => {
    const fetchImpl = jest
      .fn<Promise<Response>, Parameters<typeof fetch>>()
      .mockResolvedValue(answer(settings));
    const config = await loadRuntimeConfig(fetchImpl, Promise.reject(new TypeError('offline')));
    expect(config.mode).toBe('local');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test('is taken once, so a later load asks afresh', () => {
    const early = Promise.resolve(answer(settings));
    const holder: { careerBoardEarlyConfig?: Promise<Response> } = {
      careerBoardEarlyConfig: early,
    };
    expect(takeEarlyConfigRequest(holder)).toBe(early);
    expect(takeEarlyConfigRequest(holder)).toBeUndefined();
  });
});
