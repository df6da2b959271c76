import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/trust-managed-identity.sh, the provision step that lets the managed identity act as the
 * app registration. The Azure CLI cannot run here, so a stand-in `az` on PATH answers the two
 * reads (the identity, the app's federated credentials) and records every call: that is enough
 * to prove the issuer comes from the identity's tenant and that a re-run changes nothing.
 */

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'trust-managed-identity.sh');
const APP = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const IDENTITY =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id';
const MI_TENANT = '22222222-3333-4444-8555-666666666666';
const MI_PRINCIPAL = '33333333-4444-4555-8666-777777777777';
const ISSUER = `https://login.microsoftonline.com/${MI_TENANT}/v2.0`;

/** A fake `az`: identity show answers from env, federated-credential list from $FAKE_CREDENTIALS. */
const FAKE_AZ = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_LOG"
case "$1 $2" in
  "identity show")
    case "$*" in *tenantId*) echo "$FAKE_TENANT";; *principalId*) echo "$FAKE_PRINCIPAL";; esac ;;
  "ad app")
    if [ "$3 $4" = "federated-credential list" ]; then
      query="$(printf '%s\\n' "$@" | grep -A1 -- '--query' | tail -1)"
      case "$query" in
        *"issuer=="*) [ "$FAKE_CREDENTIALS" = "current" ] && echo "career-board-api" ;;
        *"name=="*) [ "$FAKE_CREDENTIALS" != "none" ] && echo "cred-object-id" ;;
      esac
    fi ;;
esac
exit 0
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'career-board-fake-az-'));
  writeFileSync(join(dir, 'az'), FAKE_AZ);
  chmodSync(join(dir, 'az'), 0o755);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(credentials: 'none' | 'stale' | 'current'): { calls: string[]; output: string } {
  const log = join(dir, `calls-${credentials}.log`);
  writeFileSync(log, '');
  const output = execFileSync('bash', [SCRIPT, APP, IDENTITY], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${dir}:${process.env.PATH ?? ''}`,
      FAKE_LOG: log,
      FAKE_TENANT: MI_TENANT,
      FAKE_PRINCIPAL: MI_PRINCIPAL,
      FAKE_CREDENTIALS: credentials,
    },
  });
  return { calls: readFileSync(log, 'utf8').trim().split('\n'), output };
}

const writes = (calls: string[]) =>
  calls.filter((c) => / federated-credential (create|update) /.test(c));

describe('scripts/trust-managed-identity.sh', () => {
  it("creates the credential with the managed identity's tenant as issuer and its principal as subject", () => {
    const { calls } = run('none');
    expect(writes(calls)).toHaveLength(1);
    const create = writes(calls)[0]!;
    expect(create).toContain(`ad app federated-credential create --id ${APP} --parameters`);
    expect(create).toContain(`"issuer":"${ISSUER}"`);
    expect(create).toContain(`"subject":"${MI_PRINCIPAL}"`);
    expect(create).toContain('"audiences":["api://AzureADTokenExchange"]');
  });

  it('changes nothing when the app already trusts this identity', () => {
    const { calls, output } = run('current');
    expect(writes(calls)).toEqual([]);
    expect(output).toContain('already trusts');
  });

  it('updates its credential in place when the identity was re-created', () => {
    const { calls } = run('stale');
    expect(writes(calls)).toHaveLength(1);
    expect(writes(calls)[0]).toContain(
      `ad app federated-credential update --id ${APP} --federated-credential-id cred-object-id`,
    );
    expect(writes(calls)[0]).toContain(`"issuer":"${ISSUER}"`);
  });

  it('refuses to run without both ids', () => {
    expect(() => execFileSync('bash', [SCRIPT, APP, ''], { stdio: 'pipe' })).toThrow();
  });
});
