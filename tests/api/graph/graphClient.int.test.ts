import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { close } from '../../../api/src/local/listen';

/**
 * Azure mode's Graph client authenticates with the SDK's own AuthenticationHandler over a
 * TokenCredential. That handler attaches tokens only to https Graph hosts or customHosts, so the
 * stand-in for Graph here is an https server with a certificate made for this test; the client
 * runs in a child process that trusts it (NODE_EXTRA_CA_CERTS).
 */

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLIENT = join(__dirname, 'support', 'azureModeRequests.ts');

interface Seen {
  host: string;
  path: string;
  authorization: string | undefined;
}

let dir: string;
let server: Server;
let port: number;
const seen: Seen[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'career-board-graph-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'pipe' },
  );
  server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      seen.push({
        host: req.headers.host ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"value":[]}');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await close(server);
  rmSync(dir, { recursive: true, force: true });
});

describe('the Graph client in Azure mode', () => {
  it('asks the TokenCredential for Graph .default and sends its token under the base URL only', async () => {
    const { stdout } = await promisify(execFile)(
      TSX,
      [CLIENT, `https://localhost:${port}/`, `https://127.0.0.1:${port}/v1.0/elsewhere`],
      { cwd: ROOT, env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') } },
    );

    expect(JSON.parse(stdout)).toEqual({
      scopesAsked: [['https://graph.microsoft.com/.default']],
    });
    expect(seen).toEqual([
      {
        host: `localhost:${port}`,
        path: '/v1.0/users?$select=id',
        authorization: 'Bearer token-from-the-credential',
      },
      // Another host (a nextLink pointing elsewhere, say) never receives the token.
      { host: `127.0.0.1:${port}`, path: '/v1.0/elsewhere', authorization: undefined },
    ]);
  });
});
