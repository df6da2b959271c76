import { INLINE_CONFIG_META } from './pageMeta';

/**
 * Where the API and local dev services live. Read once at start from `/config.json`, served beside
 * the tab, so one build runs on any ports and in any environment. (Checked by hand rather than
 * with zod, which would otherwise be in the first download just for this.)
 */
export interface RuntimeConfig {
  mode: 'local' | 'azure';
  apiBaseUrl: string;
  devServicesUrl: string | null;
  extraHostOrigins: string[];
  /**
   * Azure mode: the app registration, so the tab can open Microsoft Entra's consent prompt itself
   * when a person has not yet consented (Teams' documented SSO fallback). Absent: the tab can only
   * explain who has to consent.
   */
  entra: EntraAppConfig | null;
}

export interface EntraAppConfig {
  clientId: string;
  /** The delegated scope the tab's token is for, e.g. `api://tab.example.net/<client id>/access_as_user`. */
  apiScope: string;
}

function parseEntra(value: unknown): EntraAppConfig | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return undefined;
  const { clientId, apiScope } = value as Record<string, unknown>;
  if (typeof clientId !== 'string' || !/^[0-9a-f-]{36}$/i.test(clientId)) return undefined;
  if (typeof apiScope !== 'string' || !/^api:\/\/\S+\/access_as_user$/.test(apiScope))
    return undefined;
  return { clientId, apiScope };
}

export class RuntimeConfigError extends Error {
  override name = 'RuntimeConfigError';
}

export function parseRuntimeConfig(value: unknown): RuntimeConfig | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const mode = raw.mode;
  if (mode !== 'local' && mode !== 'azure') return null;
  if (!isHttpUrl(raw.apiBaseUrl)) return null;
  if (
    raw.devServicesUrl !== null &&
    raw.devServicesUrl !== undefined &&
    !isHttpUrl(raw.devServicesUrl)
  )
    return null;
  const origins = raw.extraHostOrigins ?? [];
  if (!Array.isArray(origins) || !origins.every((o) => typeof o === 'string')) return null;
  const entra = parseEntra(raw.entra);
  if (entra === undefined) return null;
  return {
    mode,
    apiBaseUrl: raw.apiBaseUrl.replace(/\/+$/, ''),
    devServicesUrl: isHttpUrl(raw.devServicesUrl) ? raw.devServicesUrl.replace(/\/+$/, '') : null,
    extraHostOrigins: origins as string[],
    entra,
  };
}

/** The settings the page itself carries, if it carries valid ones; otherwise null. */
export function readInlineConfig(
  doc: Pick<Document, 'querySelector'> = document,
): RuntimeConfig | null {
  const content = doc.querySelector(`meta[name="${INLINE_CONFIG_META}"]`)?.getAttribute('content');
  if (!content) return null;
  try {
    return parseRuntimeConfig(JSON.parse(content));
  } catch {
    return null;
  }
}

/**
 * The `/config.json` request index.html started before the entry bundle ran, taken once: a later
 * load (after a failure, or in another screen) asks again.
 */
export function takeEarlyConfigRequest(
  holder: { careerBoardEarlyConfig?: Promise<Response> } = globalThis as {
    careerBoardEarlyConfig?: Promise<Response>;
  },
): Promise<Response> | undefined {
  const early = holder.careerBoardEarlyConfig;
  delete holder.careerBoardEarlyConfig;
  return early;
}

export async function loadRuntimeConfig(
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  early: Promise<Response> | undefined = takeEarlyConfigRequest(),
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    const ask = () => fetchImpl('/config.json', { cache: 'no-store' });
    // If the early request failed on the network, one fresh attempt before giving up.
    response = await (early ? early.catch(ask) : ask());
  } catch {
    throw new RuntimeConfigError(
      'Career Board could not load its settings. Check your connection, then reload.',
    );
  }
  if (!response.ok) {
    throw new RuntimeConfigError(
      `Career Board could not load its settings (/config.json answered ${response.status}). Ask whoever runs Career Board to check the deployment.`,
    );
  }
  const config = parseRuntimeConfig(await response.json().catch(() => null));
  if (!config) {
    throw new RuntimeConfigError(
      'Career Board’s settings file (/config.json) is not valid. Ask whoever runs Career Board to check the deployment.',
    );
  }
  return config;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
