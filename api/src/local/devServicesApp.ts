import type { IncomingMessage, ServerResponse } from 'node:http';

import type { DemoDirectory } from './demo-org/types';
import { devServicesListener } from './devServices';
import { chainDevHandlers } from './graph-simulator/devHttp';
import { createDevUsersHandler } from './graph-simulator/devUsers';
import { createGraphDevControls } from './graph-simulator/graphDevControls';
import { createGraphSimulator } from './graph-simulator/graphSimulator';
import type {
  CalendarLimits,
  GraphLatencyModel,
  GraphSimulator,
} from './graph-simulator/graphSimulator';
import { createOrgStore } from './graph-simulator/orgStore';
import type { OrgStore } from './graph-simulator/orgStore';
import { createIdentityIssuer } from './identityIssuer';
import type { IdentityIssuer } from './identityIssuer';
import { LOCAL_APP_CLIENT_ID, LOCAL_APP_SECRET } from './localConfig';

/**
 * The dev services' parts wired together for one directory: the identity issuer, the Graph
 * simulator with its Outlook limits and latency, and the dev controls (`/dev/users`,
 * `/dev/graph-stats`, calendar controls), behind one listener. The stack serves it in its own
 * process (stack.ts); the fan-out bench in a process of its own (devServicesProcess.ts).
 */

export interface DevServicesAppOptions {
  directory: DemoDirectory;
  /** Where the dev services are reached: `http://localhost:7072`. */
  devUrl: string;
  /** The API's audience, which the issuer puts in the tab's tokens. */
  apiAudience: string;
  /** The tab's origin, allowed to call the dev services from the browser. */
  allowedOrigin: string;
  calendarLimits?: Partial<CalendarLimits>;
  latency?: GraphLatencyModel;
}

export interface DevServicesApp {
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  issuer: IdentityIssuer;
  orgStore: OrgStore;
  graph: GraphSimulator;
}

export async function createDevServicesApp(
  options: DevServicesAppOptions,
): Promise<DevServicesApp> {
  const orgStore = createOrgStore(options.directory);
  const issuer = await createIdentityIssuer({
    baseUrl: `${options.devUrl}/identity`,
    apiAudience: options.apiAudience,
    clientId: LOCAL_APP_CLIENT_ID,
    clientSecret: LOCAL_APP_SECRET,
    directory: () => orgStore.snapshot(),
  });
  const graph = createGraphSimulator({
    store: orgStore,
    verifyToken: (authorization) => issuer.verifyGraphToken(authorization),
    publicBaseUrl: `${options.devUrl}/graph`,
    calendarLimits: options.calendarLimits,
    latency: options.latency,
  });
  const listener = devServicesListener({
    issuer,
    graph,
    dev: chainDevHandlers(createDevUsersHandler(orgStore), createGraphDevControls(graph.calendar)),
    allowedOrigin: options.allowedOrigin,
  });
  return { listener, issuer, orgStore, graph };
}
