/**
 * Builds the Teams app package offline: `npm run package [-- --env local|dev]` (default local).
 *
 * Fills the `${{NAME}}` placeholders of appPackage/manifest.json from env/.env.{env} (and the
 * git-ignored env/.env.{env}.user, which wins), then writes appPackage/build/manifest.{env}.json
 * and appPackage/build/appPackage.{env}.zip holding exactly manifest.json and the two icons.
 * A placeholder whose variable is missing or empty fails the build, naming the variable: an
 * un-provisioned environment must not produce a package that Teams rejects later.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import AdmZip from 'adm-zip';

import { LOCAL_APP_CLIENT_ID, LOCAL_TEAMS_APP_ID } from '../api/src/hosting/localAppIds';

/** `${{NAME}}` as the Agents Toolkit writes it; whitespace inside the braces is tolerated. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Fixed entry time, so building twice from the same inputs gives the same zip bytes. */
const ZIP_ENTRY_TIME = new Date(2000, 0, 1);

export type EnvironmentVariables = Record<string, string>;

export class PackageError extends Error {
  override name = 'PackageError';
}

export class UnresolvedPlaceholdersError extends PackageError {
  override name = 'UnresolvedPlaceholdersError';

  constructor(
    readonly variables: string[],
    env: string,
  ) {
    super(
      `appPackage/manifest.json uses ${variables.map((v) => `\${{${v}}}`).join(', ')}, ` +
        `which ${variables.length === 1 ? 'has' : 'have'} no value in env/.env.${env}. ` +
        `Set ${variables.length === 1 ? 'it' : 'them'} there (or provision the environment first).`,
    );
  }
}

/** Parses a dotenv file as the Agents Toolkit writes it: KEY=value, # comments, optional quotes. */
export function parseEnvFile(text: string): EnvironmentVariables {
  const variables: EnvironmentVariables = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const key = line.slice(0, equals).trim();
    let value = line.slice(equals + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
    }
    variables[key] = value;
  }
  return variables;
}

/**
 * Ids the local stack (`npm start`) answers to, used for the local package while the local
 * environment is not provisioned: env/.env.local keeps its ids empty so that `atk provision --env
 * local` registers real apps (a preset client id makes aadApp/create skip the registration).
 */
const UNPROVISIONED_LOCAL: EnvironmentVariables = {
  TEAMS_APP_ID: LOCAL_TEAMS_APP_ID,
  AAD_APP_CLIENT_ID: LOCAL_APP_CLIENT_ID,
};

/** Variables of one environment as the Toolkit sees them: env/.env.{env}, then its .user file. */
export function readEnvironment(rootDir: string, env: string): EnvironmentVariables {
  const file = join(rootDir, 'env', `.env.${env}`);
  if (!existsSync(file)) {
    throw new PackageError(`No environment "${env}": ${file} does not exist.`);
  }
  const userFile = `${file}.user`;
  return {
    ...parseEnvFile(readFileSync(file, 'utf8')),
    ...(existsSync(userFile) ? parseEnvFile(readFileSync(userFile, 'utf8')) : {}),
  };
}

/** Variables for the package: for local, the local stack's ids fill those still empty. */
export function loadEnvironment(rootDir: string, env: string): EnvironmentVariables {
  const variables = readEnvironment(rootDir, env);
  if (env !== 'local') return variables;
  const filled = { ...variables };
  for (const [name, value] of Object.entries(UNPROVISIONED_LOCAL)) filled[name] ||= value;
  return filled;
}

/** Names of the placeholders in a template that have no non-empty value, sorted, each once. */
export function unresolvedPlaceholders(
  template: string,
  variables: EnvironmentVariables,
): string[] {
  const missing = new Set<string>();
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!variables[name]) missing.add(name);
  }
  return [...missing].sort();
}

/**
 * Substitutes placeholders in a JSON template. Values are JSON-string-escaped because every
 * placeholder sits inside a string literal: a quote in a value cannot break the manifest.
 */
export function renderJsonTemplate(
  template: string,
  variables: EnvironmentVariables,
  env: string,
): unknown {
  const missing = unresolvedPlaceholders(template, variables);
  if (missing.length > 0) throw new UnresolvedPlaceholdersError(missing, env);
  const text = template.replace(PLACEHOLDER, (_match, name: string) =>
    JSON.stringify(variables[name]).slice(1, -1),
  );
  return JSON.parse(text);
}

export interface BuildOptions {
  /** Repository root holding appPackage/ and env/. */
  rootDir: string;
  env: string;
  /** Where the zip and the rendered manifest go; appPackage/build by default. */
  outDir?: string;
}

export interface BuiltPackage {
  zipPath: string;
  manifestPath: string;
  manifest: Record<string, unknown>;
}

interface ManifestIcons {
  color: string;
  outline: string;
}

function iconsOf(manifest: Record<string, unknown>): ManifestIcons {
  const icons = manifest.icons as Partial<ManifestIcons> | undefined;
  if (!icons || typeof icons.color !== 'string' || typeof icons.outline !== 'string') {
    throw new PackageError('appPackage/manifest.json must name icons.color and icons.outline.');
  }
  return { color: icons.color, outline: icons.outline };
}

export function buildAppPackage({ rootDir, env, outDir }: BuildOptions): BuiltPackage {
  const appPackageDir = join(rootDir, 'appPackage');
  const targetDir = outDir ?? join(appPackageDir, 'build');
  const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
  const manifest = renderJsonTemplate(template, loadEnvironment(rootDir, env), env) as Record<
    string,
    unknown
  >;
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;

  const zip = new AdmZip();
  const add = (name: string, content: Buffer) => {
    zip.addFile(name, content);
    const entry = zip.getEntry(name);
    if (entry) entry.header.time = ZIP_ENTRY_TIME;
  };
  add('manifest.json', Buffer.from(manifestText, 'utf8'));
  for (const icon of Object.values(iconsOf(manifest))) {
    const iconPath = join(appPackageDir, icon);
    if (!existsSync(iconPath)) {
      throw new PackageError(
        `Icon ${icon} named in the manifest is missing: run npx tsx scripts/make-icons.ts`,
      );
    }
    add(icon, readFileSync(iconPath));
  }

  mkdirSync(targetDir, { recursive: true });
  const manifestPath = join(targetDir, `manifest.${env}.json`);
  const zipPath = join(targetDir, `appPackage.${env}.zip`);
  writeFileSync(manifestPath, manifestText);
  writeFileSync(zipPath, zip.toBuffer());
  return { zipPath, manifestPath, manifest };
}

/** `--env dev`, `--env=dev`; local when absent. */
export function parseEnvArgument(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--env') {
      const value = argv[i + 1];
      if (!value || value.startsWith('-'))
        throw new PackageError('--env needs a value, e.g. --env dev');
      return value;
    }
    if (arg.startsWith('--env=')) return arg.slice('--env='.length);
  }
  return 'local';
}

function main(): void {
  try {
    const env = parseEnvArgument(process.argv.slice(2));
    const built = buildAppPackage({ rootDir: resolve(__dirname, '..'), env });
    console.log(`Built ${built.zipPath}\nWrote ${built.manifestPath}`);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(`npm run package: ${error.message}`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
