import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'write-optional-setting.sh');

describe('scripts/write-optional-setting.sh (settings the Toolkit cannot pass when empty)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'optional-setting-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (file: string, value: string | undefined) =>
    spawnSync('bash', [SCRIPT, file, 'COSMOS_KEY'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...(value === undefined ? {} : { COSMOS_KEY: value }) },
    });

  it('replaces the earlier line and keeps the others', () => {
    const file = join(dir, '.env.local-api.user');
    writeFileSync(file, 'CAREER_BOARD_MODE=azure\nCOSMOS_KEY=old\n');
    expect(run(file, 'new-key').status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('CAREER_BOARD_MODE=azure\nCOSMOS_KEY=new-key\n');
  });

  it('writes an empty value, which the API reads as absent, when the variable is empty or unset', () => {
    const file = join(dir, '.env.local-api.user');
    expect(run(file, undefined).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('COSMOS_KEY=\n');
  });
});
