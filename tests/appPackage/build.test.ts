import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import AdmZip from 'adm-zip';

import { LOCAL_APP_CLIENT_ID, LOCAL_TEAMS_APP_ID } from '../../api/src/hosting/localAppIds';
import {
  UnresolvedPlaceholdersError,
  buildAppPackage,
  parseEnvArgument,
  parseEnvFile,
} from '../../scripts/package-app';
import { COMPLETE_ENV, REPO_ROOT, makeWorkspace } from './fixtures';
import type { Workspace } from './fixtures';

describe('npm run package (scripts/package-app.ts)', () => {
  let workspace: Workspace;

  beforeEach(() => {
    workspace = makeWorkspace();
  });

  afterEach(() => workspace.dispose());

  it('zips exactly manifest.json and the two icons', () => {
    workspace.writeEnv('.env.test', COMPLETE_ENV);
    const { zipPath } = buildAppPackage({ rootDir: workspace.root, env: 'test' });
    expect(zipPath).toBe(join(workspace.root, 'appPackage', 'build', 'appPackage.test.zip'));
    const names = new AdmZip(zipPath).getEntries().map((e) => e.entryName);
    expect(names.sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('fills every placeholder and writes the same manifest beside the zip', () => {
    workspace.writeEnv('.env.test', COMPLETE_ENV);
    const { zipPath, manifestPath } = buildAppPackage({ rootDir: workspace.root, env: 'test' });
    const zipped = new AdmZip(zipPath).readAsText('manifest.json');
    expect(zipped).toBe(readFileSync(manifestPath, 'utf8'));
    expect(manifestPath).toBe(join(workspace.root, 'appPackage', 'build', 'manifest.test.json'));
    expect(zipped).not.toContain('${{');
    const manifest = JSON.parse(zipped) as { id: string; webApplicationInfo: { resource: string } };
    expect(manifest.id).toBe('11111111-2222-4333-8444-555555555555');
    expect(manifest.webApplicationInfo.resource).toBe(
      'api://tab.example.net/66666666-7777-4888-9999-aaaaaaaaaaaa',
    );
  });

  it('packs the icons byte for byte', () => {
    workspace.writeEnv('.env.test', COMPLETE_ENV);
    const zip = new AdmZip(buildAppPackage({ rootDir: workspace.root, env: 'test' }).zipPath);
    for (const icon of ['color.png', 'outline.png']) {
      expect(zip.readFile(icon)?.equals(readFileSync(join(REPO_ROOT, 'appPackage', icon)))).toBe(
        true,
      );
    }
  });

  it('builds the same bytes twice from the same inputs', () => {
    workspace.writeEnv('.env.test', COMPLETE_ENV);
    const first = readFileSync(buildAppPackage({ rootDir: workspace.root, env: 'test' }).zipPath);
    const second = readFileSync(buildAppPackage({ rootDir: workspace.root, env: 'test' }).zipPath);
    expect(second.equals(first)).toBe(true);
  });

  it('lets env/.env.{env}.user override the shared file', () => {
    workspace.writeEnv('.env.test', COMPLETE_ENV);
    workspace.writeEnv('.env.test.user', 'TAB_DOMAIN=override.example.net');
    const { manifest } = buildAppPackage({ rootDir: workspace.root, env: 'test' });
    expect(manifest.validDomains).toEqual(['override.example.net']);
  });

  it('escapes values so a quote cannot break the JSON', () => {
    workspace.writeEnv('.env.test', `${COMPLETE_ENV}\nAPP_NAME_SUFFIX=' "beta"'`);
    const { manifest } = buildAppPackage({ rootDir: workspace.root, env: 'test' });
    expect((manifest.name as { short: string }).short).toBe('Career Board "beta"');
  });

  it('refuses to build when a placeholder has no value, naming each one', () => {
    workspace.writeEnv(
      '.env.test',
      COMPLETE_ENV.replace(/^TAB_DOMAIN=.*$/m, '').replace(
        /^AAD_APP_CLIENT_ID=.*$/m,
        'AAD_APP_CLIENT_ID=',
      ),
    );
    let thrown: unknown;
    try {
      buildAppPackage({ rootDir: workspace.root, env: 'test' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnresolvedPlaceholdersError);
    expect((thrown as UnresolvedPlaceholdersError).variables).toEqual([
      'AAD_APP_CLIENT_ID',
      'TAB_DOMAIN',
    ]);
    expect((thrown as Error).message).toMatch(
      /\$\{\{AAD_APP_CLIENT_ID\}\}.*\$\{\{TAB_DOMAIN\}\}.*env\/\.env\.test/,
    );
    expect(existsSync(join(workspace.root, 'appPackage', 'build', 'appPackage.test.zip'))).toBe(
      false,
    );
  });

  it('exits non-zero from the command line, naming the unresolved placeholder', () => {
    workspace.writeEnv('.env.broken', COMPLETE_ENV.replace(/^TEAMS_APP_ID=.*$/m, 'TEAMS_APP_ID='));
    const run = spawnSync(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'scripts/package-app.ts',
        '--env',
        'broken',
      ],
      { cwd: workspace.root, encoding: 'utf8' },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('${{TEAMS_APP_ID}}');
  });

  it('builds the local package with the local stack’s ids while local is not provisioned', () => {
    workspace.writeEnv(
      '.env.local',
      COMPLETE_ENV.replace(/^TEAMS_APP_ID=.*$/m, 'TEAMS_APP_ID=').replace(
        /^AAD_APP_CLIENT_ID=.*$/m,
        'AAD_APP_CLIENT_ID=',
      ),
    );
    const built = buildAppPackage({ rootDir: workspace.root, env: 'local' });
    expect(built.manifest.id).toBe(LOCAL_TEAMS_APP_ID);
    expect(built.manifest.webApplicationInfo).toMatchObject({ id: LOCAL_APP_CLIENT_ID });
  });

  it('names a missing environment file', () => {
    expect(() => buildAppPackage({ rootDir: workspace.root, env: 'nowhere' })).toThrow(
      /env[/\\]\.env\.nowhere/,
    );
  });
});

describe('package-app helpers', () => {
  it('defaults to the local environment and reads --env in both spellings', () => {
    expect(parseEnvArgument([])).toBe('local');
    expect(parseEnvArgument(['--env', 'dev'])).toBe('dev');
    expect(parseEnvArgument(['--env=dev'])).toBe('dev');
    expect(() => parseEnvArgument(['--env'])).toThrow(/--env needs a value/);
  });

  it('reads dotenv files the way the Agents Toolkit writes them', () => {
    expect(parseEnvFile('# comment\nA=1\nB=\n C = two words \nD=" spaced "\nnot a line\n')).toEqual(
      {
        A: '1',
        B: '',
        C: 'two words',
        D: ' spaced ',
      },
    );
  });
});
