import { createServer } from 'node:http';

import { createDevServicesApp } from './devServicesApp';
import type { DevServicesAppOptions } from './devServicesApp';
import { generateOrg } from './demo-org/generateOrg';
import type { GenerateOrgOptions } from './demo-org/generateOrg';
import type { DemoDirectory } from './demo-org/types';
import { close, listen } from './listen';
import { serveInThisProcess, startServiceProcess } from './serviceProcess';
import type { ServiceProcess } from './serviceProcess';
import { createStartupGate, gatedListener } from './startupGate';

/**
 * The dev services (identity issuer, Graph simulator with its Outlook limits and latency model,
 * dev controls such as `/dev/graph-stats`) in a process of their own, as Graph is its own service
 * in Azure: the fan-out bench runs them apart from the product's processes so the simulator's CPU
 * and its one event loop are seen apart (bench/README.md, "fanout"). `npm start` keeps them in the
 * stack's process (stack.ts).
 */

export interface DevServicesProcessSpec extends Omit<
  DevServicesAppOptions,
  'directory' | 'devUrl'
> {
  /** 0 picks a free port. */
  port: number;
  /**
   * The directory, or how to generate it here: a generated org is deterministic, and generating it
   * in this process spares sending 100,000 people over IPC.
   */
  directory: { given: DemoDirectory } | { generate: GenerateOrgOptions };
}

export interface DevServicesProcessReady {
  port: number;
  /** `http://localhost:<port>`, as `Stack.urls.dev`. */
  url: string;
}

export function startDevServicesProcess(
  spec: DevServicesProcessSpec,
): Promise<ServiceProcess<DevServicesProcessReady>> {
  return startServiceProcess(__filename, spec, 'The dev services process');
}

if (require.main === module) {
  serveInThisProcess<DevServicesProcessSpec, DevServicesProcessReady>(async (spec) => {
    const directory =
      'given' in spec.directory ? spec.directory.given : generateOrg(spec.directory.generate);
    // The port is bound before the app is built: with port 0 its URL, which the issuer and the
    // simulator put in what they answer, is known only then. Until then requests are refused.
    const gate = gatedListener(
      createStartupGate('dev services', { kind: 'refuse', retryAfterSeconds: 1 }),
    );
    const server = createServer(gate.listener);
    const port = await listen(server, spec.port, 'dev services', 'DEV_PORT');
    const url = `http://localhost:${port}`;
    const app = await createDevServicesApp({ ...spec, directory, devUrl: url });
    gate.serve(app.listener);
    return { ready: { port, url }, close: () => close(server) };
  });
}
