import { Agent } from 'node:https';

import { CosmosClient } from '@azure/cosmos';
import type { Container, Database } from '@azure/cosmos';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';

import type { CosmosConfig } from '../config';

/**
 * Containers and their partition keys. Every key starts with the tenant id, so no query can
 * cross tenants by accident. Single-path keys: the embedded server ignores hierarchical ones.
 */
export const CONTAINERS = {
  /** pk `{tenantId}|{employeeId}`: the board, its aspirations, comments and private notes. */
  boards: '/pk',
  /** pk `{tenantId}|{employeeId}`: append-only change records of a board. */
  history: '/pk',
  /** pk `{tenantId}|{employeeId}`: quarterly conversations, id per pair and quarter. */
  conversations: '/pk',
  /** pk `{tenantId}`: the org chart as last synced from Graph, and sync state. */
  directory: '/pk',
  /** pk `{tenantId}`: tenant settings. */
  settings: '/pk',
  /**
   * pk `{tenantId}|{personId}`: a board's shares, advice threads and sponsorships under the
   * employee; "shared with me" entries under the viewer.
   */
  sharing: '/pk',
} as const;

export type ContainerName = keyof typeof CONTAINERS;
export type Containers = Record<ContainerName, Container>;

export interface CosmosStore {
  client: CosmosClient;
  database: Database;
  containers: Containers;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * The loopback agent retires a socket idle this long, well inside the embedded server's 65 s
 * keep-alive (local/cosmosServer.ts), so a request never goes out on a connection the server is
 * closing. An agent's `timeout` also arms on sockets in use, but there it only emits 'timeout'
 * (nothing listens, nothing is cut): Node destroys timed-out sockets only in the free pool.
 */
export const LOOPBACK_IDLE_SOCKET_MS = 30_000;

/**
 * At most this many connections from one process to a local server. Without a cap every request
 * in flight got a connection of its own, so a burst paid a TLS handshake per request on a server
 * that answers one at a time anyway: with 8 queue workers on the bench's 1,000-person pass, 1,265
 * new connections took 15.1 s on average to be ready and a Cosmos request took 2,175 ms as the
 * workers saw it but 52 ms inside the server; with 16, 80 connections and 381 ms (bench/README.md,
 * "fanout"). Azure's endpoints keep the SDK's own agent.
 */
export const LOOPBACK_MAX_SOCKETS = 16;

export function isLoopback(endpoint: string): boolean {
  return LOOPBACK.has(new URL(endpoint).hostname);
}

export function createCosmosClient(config: CosmosConfig): CosmosClient {
  const loopback = isLoopback(config.endpoint);
  return new CosmosClient({
    endpoint: config.endpoint,
    ...(config.key
      ? { key: config.key }
      : {
          aadCredentials: config.managedIdentityClientId
            ? new ManagedIdentityCredential({ clientId: config.managedIdentityClientId })
            : new DefaultAzureCredential(),
        }),
    // The embedded server and the emulator use self-signed (even expired) certificates. Relax
    // verification for this client only, and only when the endpoint is this machine.
    ...(loopback
      ? {
          agent: new Agent({
            rejectUnauthorized: false,
            keepAlive: true,
            timeout: LOOPBACK_IDLE_SOCKET_MS,
            maxSockets: LOOPBACK_MAX_SOCKETS,
          }),
        }
      : {}),
    connectionPolicy: { enableEndpointDiscovery: !loopback },
  });
}

/** Creates the database and containers when missing; safe to call on every start. */
export async function openCosmosStore(config: CosmosConfig): Promise<CosmosStore> {
  const client = createCosmosClient(config);
  const { database } = await client.databases.createIfNotExists({ id: config.database });
  const entries = await Promise.all(
    (Object.keys(CONTAINERS) as ContainerName[]).map(async (name) => {
      const { container } = await database.containers.createIfNotExists({
        id: name,
        partitionKey: { paths: [CONTAINERS[name]] },
      });
      return [name, container] as const;
    }),
  );
  return { client, database, containers: Object.fromEntries(entries) as Containers };
}
