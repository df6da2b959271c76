import { ConfigError } from '../config';
import type { Config } from '../config';
import { Problem } from '../errors/problem';
import { errorCode } from '../logging/logSafety';
import type { Services } from '../services';

/**
 * The Functions host builds the services on the first request, not at import, so a cold start
 * that cannot read its configuration or reach Cosmos DB still answers. Such a failure becomes a
 * 503 problem that says what is wrong (never a bare 500), and the next request tries again.
 */
export function lazyServices(
  loadConfig: () => Config,
  createServices: (config: Config) => Promise<Services>,
  log: (line: string) => void = (line) => console.error(line),
): () => Promise<Services> {
  let services: Promise<Services> | undefined;
  return () => {
    if (!services) {
      services = build().catch((error: unknown) => {
        services = undefined;
        throw error;
      });
    }
    return services;
  };

  async function build(): Promise<Services> {
    let config: Config;
    try {
      config = loadConfig();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      log(`Career Board API configuration is invalid: ${error.message}`);
      throw new Problem(
        'upstream-unavailable',
        `The API is misconfigured${error.settings.length ? ` (${error.settings.join(', ')})` : ''}; the Function App's log says what to fix.`,
      );
    }
    try {
      return await createServices(config);
    } catch (error) {
      const host = new URL(config.cosmos.endpoint).host;
      const code = errorCode(error);
      log(`Career Board API cannot open Cosmos DB at ${host}: ${code ?? 'no error code'}`);
      throw new Problem(
        'upstream-unavailable',
        `Cosmos DB at ${host} is unreachable or refused the API's identity${code ? ` (${code})` : ''}; the next request tries again.`,
        [],
        { 'Retry-After': '10' },
      );
    }
  }
}
