/**
 * `npm run preflight -- --env <name>`: checks an environment offline, before anything touches
 * Azure (docs/deploy.md, step 2). Prints one line per problem with what to do, and exits 1 while
 * any blocking problem remains.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import { PackageError, parseEnvArgument, readEnvironment } from './package-app';
import { isBlocking, preflight } from './preflightChecks';

export function runPreflight(rootDir: string, argv: readonly string[], home = homedir()): number {
  let env: string;
  let values: Record<string, string>;
  try {
    env = parseEnvArgument(argv);
    values = readEnvironment(rootDir, env);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(`preflight: ${error.message}`);
    return 1;
  }
  const read = (path: string) => readFileSync(join(rootDir, path), 'utf8');
  const findings = preflight({
    env,
    values,
    lifecycleText: read(env === 'local' ? 'teamsapp.local.yml' : 'teamsapp.yml'),
    bicepText: read('infra/azure.bicep'),
    parametersText: env === 'local' ? '' : read('infra/azure.parameters.json'),
    aadManifestText: read('aad.manifest.json'),
    homeDir: home,
    exists: existsSync,
  });
  for (const f of findings) console.log(`${isBlocking(f) ? '✗' : 'i'} ${f.subject}: ${f.message}`);
  const blocking = findings.filter(isBlocking).length;
  if (blocking > 0) {
    console.log(
      `\npreflight: ${blocking} problem(s) in env/.env.${env}; fix them and run it again.`,
    );
    return 1;
  }
  console.log(`preflight: env/.env.${env} is ready for \`atk provision --env ${env}\`.`);
  return 0;
}

if (require.main === module)
  process.exitCode = runPreflight(resolve(__dirname, '..'), process.argv.slice(2));
