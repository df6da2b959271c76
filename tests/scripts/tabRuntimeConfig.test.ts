import { parseRuntimeConfig } from '../../tabs/src/config/runtimeConfig';
import { tabRuntimeConfigFromEnv } from '../../scripts/tabRuntimeConfig';

const env = {
  TAB_API_BASE_URL: 'https://func-careerboard.azurewebsites.net/api/',
  AAD_APP_CLIENT_ID: '6f1c2b0e-8a57-4c1e-9d43-2b7f5a9e0c11',
  AAD_APP_ID_URI: 'api://tab.careerboard.example/6f1c2b0e-8a57-4c1e-9d43-2b7f5a9e0c11',
};

describe("the deployed tab's runtime configuration", () => {
  it('carries the app registration, so the tab can ask for consent itself', () => {
    const config = tabRuntimeConfigFromEnv(env);
    // The tab's own reader accepts what deployment writes, Entra block included.
    expect(parseRuntimeConfig(JSON.parse(JSON.stringify(config)))).toEqual({
      mode: 'azure',
      apiBaseUrl: 'https://func-careerboard.azurewebsites.net/api',
      devServicesUrl: null,
      extraHostOrigins: [],
      entra: {
        clientId: env.AAD_APP_CLIENT_ID,
        apiScope: `${env.AAD_APP_ID_URI}/access_as_user`,
      },
    });
  });

  it.each([
    ['TAB_API_BASE_URL', 'http://insecure.example/api', /TAB_API_BASE_URL/],
    ['AAD_APP_CLIENT_ID', '', /AAD_APP_CLIENT_ID/],
    ['AAD_APP_ID_URI', 'https://not-an-id-uri', /AAD_APP_ID_URI/],
  ])('says what to set when %s is wrong', (name, value, message) => {
    const config = tabRuntimeConfigFromEnv({ ...env, [name]: value });
    expect(config).toEqual({ error: expect.stringMatching(message) });
  });
});
