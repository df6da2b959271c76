import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';

import type { GraphStatsSnapshot } from '../api/src/local/graph-simulator/graphStats';

/**
 * What the benchmarks count besides time: Graph requests (the simulator's own counters, read over
 * its dev endpoint) and Cosmos DB operations (HTTP requests arriving at the embedded server).
 */

export async function resetGraphStats(devUrl: string): Promise<void> {
  const response = await fetch(`${devUrl}/dev/graph-stats`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`Could not reset the Graph counters: ${response.status}`);
}

export async function graphStats(devUrl: string): Promise<GraphStatsSnapshot> {
  const response = await fetch(`${devUrl}/dev/graph-stats`);
  if (!response.ok) throw new Error(`Could not read the Graph counters: ${response.status}`);
  return (await response.json()) as GraphStatsSnapshot;
}

/**
 * Requests by kind: calendar requests are the simulator's per-mailbox requests (getSchedule,
 * events); notifications are Teams activity-feed sends (one per person told of a booking);
 * everything else in a pass is the org-chart read (`/users/delta` pages, user lookups).
 */
export function splitGraphRequests(stats: GraphStatsSnapshot): {
  orgChart: number;
  calendar: number;
  notifications: number;
  byRoute: Record<string, number>;
} {
  const calendar = Object.values(stats.byMailbox).reduce((a, b) => a + b, 0);
  const notifications = Object.entries(stats.byRoute)
    .filter(([route]) => route.endsWith('/teamwork/sendActivityNotification'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    orgChart: stats.requests - calendar - notifications,
    calendar,
    notifications,
    byRoute: stats.byRoute,
  };
}

export interface CosmosCounter {
  /** Requests the embedded Cosmos server has received since the last reset. */
  count(): number;
  reset(): void;
  stop(): void;
}

/**
 * Counts requests arriving at the embedded Cosmos server without touching product code: Node
 * publishes every incoming HTTP(S) request on the `http.server.request.start` diagnostics channel
 * with the server that received it, and the embedded server is the one listening on the Cosmos
 * port. Each SDK operation (point read, create, replace, one page of a query, a query plan or
 * partition-key-range lookup) is one request there, so this is the SDK's real traffic.
 */
export function countCosmosRequests(cosmosPort: number): CosmosCounter {
  let requests = 0;
  const onRequest = (message: unknown) => {
    const server = (message as { server?: Server }).server;
    const address = server?.address();
    if (address && typeof address === 'object' && address.port === cosmosPort) requests++;
  };
  subscribe('http.server.request.start', onRequest);
  return {
    count: () => requests,
    reset: () => {
      requests = 0;
    },
    stop: () => unsubscribe('http.server.request.start', onRequest),
  };
}
