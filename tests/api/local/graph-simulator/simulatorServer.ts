import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createIdentityIssuer } from '../../../../api/src/local/identityIssuer';
import type { IdentityIssuer } from '../../../../api/src/local/identityIssuer';
import type { DemoDirectory } from '../../../../api/src/local/demo-org/types';
import { createDevUsersHandler } from '../../../../api/src/local/graph-simulator/devUsers';
import { createGraphDevControls } from '../../../../api/src/local/graph-simulator/graphDevControls';
import { createGraphSimulator } from '../../../../api/src/local/graph-simulator/graphSimulator';
import type {
  CalendarLimits,
  GraphCalendarControls,
  GraphLatencyModel,
} from '../../../../api/src/local/graph-simulator/graphSimulator';
import { createOrgStore } from '../../../../api/src/local/graph-simulator/orgStore';
import type { OrgStore } from '../../../../api/src/local/graph-simulator/orgStore';

/**
 * A real HTTP server on a free port serving what the local host serves for Graph: the identity
 * issuer under /identity, the Graph simulator under /graph/v1.0, /dev/users and the calendar dev
 * controls (/dev/calendar-events, /dev/graph-faults, /dev/graph-stats). It records every request
 * path, so tests can count what a client really sent.
 */

export interface SimulatorServerOptions {
  calendarLimits?: Partial<CalendarLimits>;
  latency?: GraphLatencyModel;
}

export interface SimulatorServer {
  origin: string;
  /** What a Graph client takes as its base URL (the client appends `v1.0`). */
  graphBaseUrl: string;
  issuer: IdentityIssuer;
  store: OrgStore;
  /** The simulator's calendar state: events, faults, stats, throttle. */
  calendar: GraphCalendarControls;
  /** Path and query of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startSimulatorServer(
  directory: DemoDirectory,
  options: SimulatorServerOptions = {},
): Promise<SimulatorServer> {
  const store = createOrgStore(directory);
  const requests: string[] = [];
  // Listen first: the issuer's and the simulator's public URLs need the port.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const issuer = await createIdentityIssuer({
    baseUrl: `${origin}/identity`,
    apiAudience: 'api://career-board-tests',
    clientId: '00000000-0000-0000-0000-00000000c0de',
    clientSecret: 'test-secret',
    directory: () => store.snapshot(),
  });
  const simulator = createGraphSimulator({
    store,
    verifyToken: (authorization) => issuer.verifyGraphToken(authorization),
    publicBaseUrl: `${origin}/graph`,
    calendarLimits: options.calendarLimits,
    latency: options.latency,
  });
  const devUsers = createDevUsersHandler(store);
  const devCalendar = createGraphDevControls(simulator.calendar);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    const path = new URL(req.url ?? '/', origin).pathname;
    void (async () => {
      if (await issuer.handle(req, res, path)) return;
      if (await simulator.handle(req, res, path)) return;
      if (await devUsers.handle(req, res, path)) return;
      if (await devCalendar.handle(req, res, path)) return;
      res.writeHead(404).end();
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  return {
    origin,
    graphBaseUrl: `${origin}/graph/`,
    issuer,
    store,
    calendar: simulator.calendar,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
