/**
 * Run by graphClient.int.test.ts in a child process whose NODE_EXTRA_CA_CERTS trusts the test's
 * self-signed certificate (Node's fetch, which the Graph SDK uses, offers no per-call CA). Builds
 * the Azure-mode Graph client over a TokenCredential that records what it was asked for, makes
 * one request under the configured base URL and one to another host, and prints the scopes.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

import { createGraphClient } from '../../../../api/src/graph/graphClient';

async function main(): Promise<void> {
  const [baseUrl, otherHostUrl] = process.argv.slice(2) as [string, string];
  const scopesAsked: string[][] = [];
  const credential: TokenCredential = {
    getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
      scopesAsked.push(Array.isArray(scopes) ? scopes : [scopes]);
      return Promise.resolve({
        token: 'token-from-the-credential',
        expiresOnTimestamp: Date.now() + 3_600_000,
      });
    },
  };
  const client = createGraphClient({ baseUrl, credential, maxRetries: 0 });
  await client.api('/users').select('id').get();
  await client.api(otherHostUrl).get();
  console.log(JSON.stringify({ scopesAsked }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
