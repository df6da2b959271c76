import type { TabRuntimeConfig } from '../api/src/contract/tabRuntimeContract';

/**
 * The deployed tab's /config.json, from the deployment's environment: where the API is, and the
 * app registration the tab needs to ask a person for consent itself (Teams' SSO fallback).
 * Returns a message saying what to set when something is missing or malformed.
 */
export function tabRuntimeConfigFromEnv(
  env: Record<string, string | undefined>,
): TabRuntimeConfig | { error: string } {
  const api = env.TAB_API_BASE_URL;
  if (!api || !/^https:\/\/\S+$/.test(api))
    return {
      error:
        'Set TAB_API_BASE_URL to the API base, e.g. https://func-careerboard.azurewebsites.net/api',
    };
  const clientId = env.AAD_APP_CLIENT_ID;
  const idUri = env.AAD_APP_ID_URI?.replace(/\/+$/, '');
  if (!clientId || !/^[0-9a-f-]{36}$/i.test(clientId))
    return { error: 'Set AAD_APP_CLIENT_ID to the app registration’s client id (a GUID).' };
  if (!idUri || !/^api:\/\/\S+$/.test(idUri))
    return { error: 'Set AAD_APP_ID_URI to the API’s application ID URI, api://…' };
  return {
    mode: 'azure',
    apiBaseUrl: api.replace(/\/+$/, ''),
    devServicesUrl: null,
    extraHostOrigins: [],
    entra: { clientId, apiScope: `${idUri}/access_as_user` },
  };
}
