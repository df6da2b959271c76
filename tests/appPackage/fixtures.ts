/** Shared set-up for the app package tests: a throw-away copy of the repository's package inputs. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

export interface Workspace {
  root: string;
  writeEnv(name: string, text: string): void;
  dispose(): void;
}

/**
 * A temporary root holding appPackage/ (manifest and icons), scripts/package-app.ts and the
 * api/src/hosting/localAppIds.ts it imports, with
 * node_modules linked, so a test controls env/ completely and never writes into the repository.
 */
export function makeWorkspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'career-board-package-'));
  mkdirSync(join(root, 'appPackage'));
  mkdirSync(join(root, 'env'));
  mkdirSync(join(root, 'scripts'));
  for (const file of ['manifest.json', 'color.png', 'outline.png']) {
    copyFileSync(join(REPO_ROOT, 'appPackage', file), join(root, 'appPackage', file));
  }
  copyFileSync(
    join(REPO_ROOT, 'scripts', 'package-app.ts'),
    join(root, 'scripts', 'package-app.ts'),
  );
  // package-app.ts takes the local stack's ids from the API's hosting module.
  mkdirSync(join(root, 'api', 'src', 'hosting'), { recursive: true });
  const localAppIds = join('api', 'src', 'hosting', 'localAppIds.ts');
  copyFileSync(join(REPO_ROOT, localAppIds), join(root, localAppIds));
  // 'junction' needs no privileges on Windows; other platforms ignore the type.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'junction');
  return {
    root,
    writeEnv: (name, text) => writeFileSync(join(root, 'env', name), text),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A complete, valid set of values, as a provisioned environment would have them. */
export const COMPLETE_ENV = [
  'APP_NAME_SUFFIX=" (test)"',
  'TEAMS_APP_ID=11111111-2222-4333-8444-555555555555',
  'AAD_APP_CLIENT_ID=66666666-7777-4888-9999-aaaaaaaaaaaa',
  'TAB_ENDPOINT=https://tab.example.net',
  'TAB_DOMAIN=tab.example.net',
].join('\n');
