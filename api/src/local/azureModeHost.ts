import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { resolve } from 'node:path';

import type { StartSettings } from './localConfig';
import { routes } from '../functions/routes';
import { createServices } from '../services';
import type { Services } from '../services';
import { createApiListener } from './apiHost';
import { close, listen } from './listen';
import { createTabListener } from './tabServer';

/**
 * `CAREER_BOARD_MODE=azure npm start`: the API and the tab on this machine, against the
 * configured resources (Entra ID tokens, Microsoft Graph, a real Cosmos DB account or the
 * emulator). Nothing is embedded: no dev services, no identity issuer, no local Cosmos server.
 *
 * Timers are neither scheduled nor exposed on `/admin/functions/`: this host may sit behind a
 * public tunnel, and a scheduling pass books real meetings (run one deliberately with
 * `npm run schedule -- --in-process`).
 */

export interface AzureModeHost {
  urls: { api: string; tab: string };
  services: Services;
  close(): Promise<void>;
}

const DEFAULT_DIST = resolve(__dirname, '../../../tabs/dist');

export async function startAzureModeHost(
  settings: StartSettings,
  log?: (line: string) => void,
): Promise<AzureModeHost> {
  const { config } = settings;
  const servers: Server[] = [];
  const closeAll = async () => {
    await Promise.all(servers.reverse().map((s) => close(s)));
  };
  try {
    const apiServer = createServer();
    servers.push(apiServer);
    const tabServer = createServer();
    servers.push(tabServer);
    const apiPort = await listen(apiServer, settings.ports.api, 'API', 'API_PORT');
    const tabPort = await listen(tabServer, settings.ports.tab, 'tab', 'TAB_PORT');

    const services = await createServices(config);
    apiServer.on(
      'request',
      createApiListener({ routes, timers: [], services, allowedOrigin: config.tabOrigin, log }),
    );
    tabServer.on(
      'request',
      createTabListener({
        distDir: settings.tabDistDir ?? DEFAULT_DIST,
        runtimeConfig: {
          mode: 'azure',
          apiBaseUrl: settings.tabApiBaseUrl,
          devServicesUrl: null,
          extraHostOrigins: [],
        },
      }),
    );
    return {
      urls: { api: `http://localhost:${apiPort}/api`, tab: `http://localhost:${tabPort}/` },
      services,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
