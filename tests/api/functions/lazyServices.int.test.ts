import { HttpRequest, InvocationContext } from '@azure/functions';
import type { HttpResponseInit } from '@azure/functions';

import { loadConfig } from '../../../api/src/config';
import { EMULATOR_KEY } from '../../../api/src/local/localConfig';
import { lazyServices } from '../../../api/src/functions/lazyServices';
import { routes } from '../../../api/src/functions/routes';
import { toFunctionHandler } from '../../../api/src/functions/toFunctionHandler';
import { startEmbeddedCosmos } from '../../../api/src/local/cosmosServer';
import { close } from '../../../api/src/local/listen';
import { createServices } from '../../../api/src/services';
import { freePorts } from '../../support/freePorts';

/**
 * The Functions entry's services in Azure mode: when Cosmos DB cannot be reached or the settings
 * are wrong, /api/health answers 503 with a problem saying which, and a later request recovers.
 */

const health = routes.find((r) => r.name === 'health')!;

function azureEnv(cosmosPort: number, graphPort: number): NodeJS.ProcessEnv {
  return {
    CAREER_BOARD_MODE: 'azure',
    COSMOS_ENDPOINT: `https://localhost:${cosmosPort}/`,
    COSMOS_KEY: EMULATOR_KEY,
    COSMOS_DATABASE: 'lazy-services',
    AAD_APP_CLIENT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    AAD_APP_CLIENT_SECRET: 'not-used-offline',
    AAD_APP_ID_URI: 'api://tab.example/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
    TAB_ORIGIN: 'https://tab.example',
    TAB_PUBLIC_URL: 'https://tab.example/',
    TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
    GRAPH_BASE_URL: `https://localhost:${graphPort}/`,
  };
}

async function getHealth(getServices: ReturnType<typeof lazyServices>): Promise<HttpResponseInit> {
  const handler = toFunctionHandler(health, getServices);
  return handler(
    new HttpRequest({ method: 'GET', url: 'https://api.example/api/health' }),
    new InvocationContext({
      invocationId: 'test',
      functionName: 'health',
      logHandler: () => undefined,
    }),
  );
}

describe('the Functions entry when a dependency is missing', () => {
  it('answers 503 naming the unreachable Cosmos DB, and recovers once it is back', async () => {
    // Nothing listens on these yet, and no listen(0) elsewhere can take them before the test does.
    const [cosmosPort, graphPort] = (await freePorts(2)) as [number, number];
    const logged: string[] = [];
    const getServices = lazyServices(
      () => loadConfig(azureEnv(cosmosPort, graphPort)),
      createServices,
      (line) => logged.push(line),
    );

    const down = await getHealth(getServices);
    expect(down.status).toBe(503);
    expect(down.headers).toMatchObject({
      'Content-Type': 'application/problem+json',
      'Retry-After': '10',
    });
    expect(down.jsonBody).toMatchObject({
      status: 503,
      detail: expect.stringContaining(`Cosmos DB at localhost:${cosmosPort} is unreachable`),
    });
    expect(logged.join('\n')).toContain('ECONNREFUSED');

    const cosmos = await startEmbeddedCosmos(cosmosPort);
    try {
      const up = await getHealth(getServices);
      // Cosmos DB answers now; the Graph stand-in still does not, so the API reports degraded.
      expect(up.status).toBe(503);
      expect(up.headers).not.toMatchObject({ 'Content-Type': 'application/problem+json' });
      expect(up.jsonBody).toMatchObject({
        mode: 'azure',
        cosmos: { ok: true },
        graph: { ok: false },
      });
    } finally {
      await close(cosmos.server);
    }
  });

  it('answers 503 naming a malformed setting, without echoing its value', async () => {
    const env = { ...azureEnv(1, 1), ALLOWED_TENANTS: 'contoso.onmicrosoft.com' };
    const logged: string[] = [];
    const response = await getHealth(
      lazyServices(
        () => loadConfig(env),
        createServices,
        (line) => logged.push(line),
      ),
    );
    expect(response.status).toBe(503);
    const detail = (response.jsonBody as { detail: string }).detail;
    expect(detail).toContain('ALLOWED_TENANTS');
    expect(detail).not.toContain('contoso');
    expect(logged.join('\n')).toContain('contoso.onmicrosoft.com');
  });
});
