import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Lowest port chosen: above every fixed port the product uses locally (7071, 7072, 8081, 10001). */
const LOWEST = 20_000;

/**
 * `count` ports, each free when chosen, for servers a test starts later itself (a child process,
 * a stack binding them a few seconds on). Chosen outside the kernel's ephemeral range: a port from
 * that range (another suite's `listen(0)`, the source port of any outgoing connection) can be
 * taken between being chosen and being bound, and the child then stops with "Port … is already in
 * use". Only an explicit bind can take a port chosen here.
 */
export async function freePorts(count: number): Promise<number[]> {
  const [low, high] = outsideEphemeral();
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < count; tries++) {
    if (tries > 1_000) throw new Error(`no ${count} free ports between ${low} and ${high}`);
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (!chosen.has(port) && (await canBind(port))) chosen.add(port);
  }
  return [...chosen];
}

/** Where to choose: below the ephemeral range when there is room, else above it. */
function outsideEphemeral(): [number, number] {
  let first = 32_768;
  let last = 60_999;
  try {
    [first, last] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number) as [number, number];
  } catch {
    // Not Linux: the IANA range's usual bounds stand in.
  }
  return first - 1 - LOWEST >= 1_000 ? [LOWEST, first - 1] : [last + 1, 65_535];
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, 'localhost', () => server.close(() => resolve(true)));
  });
}
