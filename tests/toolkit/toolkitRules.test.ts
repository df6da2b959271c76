import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseEnvFile } from '../../scripts/package-app';
import { parseLifecycle } from './lifecycleCheck';
import { dryRun, schemaProblems, toolkitSupplied } from './toolkitRun';
import type { EnvValues } from './toolkitRun';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every environment in env/, with the lifecycle file the Toolkit runs for it. */
const ENVIRONMENTS = readdirSync(join(ROOT, 'env'))
  .filter((f) => f.startsWith('.env.') && !f.endsWith('.user'))
  .map((f) => f.slice('.env.'.length))
  .map((env) => ({ env, file: env === 'local' ? 'teamsapp.local.yml' : 'teamsapp.yml' }));

/**
 * Values an admin may leave empty (docs/deploy.md and the env files' comments), each with a value
 * an admin could set instead.
 */
const OPTIONAL: Record<string, string> = {
  APP_NAME_SUFFIX: ' (pilot)',
  ALLOWED_TENANTS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  PILOT_GROUP_ID: '5b1f6c1e-2f4b-4d7a-9a51-0c3e9f1d2a77',
  COSMOS_KEY: 'a-key-for-an-emulator',
};

function withOptional(values: EnvValues, set: boolean): EnvValues {
  const result = { ...values };
  for (const [name, value] of Object.entries(OPTIONAL))
    if (name in values) result[name] = set ? value : '';
  return result;
}

describe('the environments', () => {
  it('include the Azure one and the local one', () => {
    expect(ENVIRONMENTS.map((e) => e.env).sort()).toEqual(expect.arrayContaining(['dev', 'local']));
  });
});

describe.each(ENVIRONMENTS)(
  'environment $env ($file), with the Toolkit’s own rules',
  ({ env, file }) => {
    const lifecycle = parseLifecycle(read(file));
    const committed = parseEnvFile(read(`env/.env.${env}`));

    it('is valid against the Toolkit’s v1.11 yaml schema', () => {
      expect(schemaProblems(lifecycle)).toEqual([]);
    });

    it.each([
      ['empty', false],
      ['set', true],
    ])('provisions, deploys and publishes with every optional value %s', (_label, set) => {
      const values = toolkitSupplied(env, withOptional(committed, set));
      expect(dryRun(lifecycle, values, ROOT)).toEqual([]);
    });
  },
);

describe('the dry run itself', () => {
  const lifecycle = parseLifecycle(read('teamsapp.yml'));
  const dev = toolkitSupplied('dev', parseEnvFile(read('env/.env.dev')));

  it('reports a parameter whose variable is empty, as arm/deploy would', () => {
    const broken = {
      ...lifecycle,
      provision: (lifecycle.provision ?? []).map((a) =>
        a.uses === 'arm/deploy'
          ? {
              ...a,
              with: {
                ...a.with,
                templates: [
                  {
                    path: './infra/azure.bicep',
                    parameters: './tests/toolkit/fixtures/emptyValue.parameters.json',
                  },
                ],
              },
            }
          : a,
      ),
    };
    expect(dryRun(broken, { ...dev, ADMIN_CHOICE: '' }, ROOT)).toContain(
      'provision: arm/deploy: ./tests/toolkit/fixtures/emptyValue.parameters.json keeps ${{ADMIN_CHOICE}} unexpanded',
    );
  });

  it('reports an action argument whose variable is empty', () => {
    const broken = parseLifecycle(
      'version: v1.11\ndeploy:\n  - uses: cli/runNpmCommand\n    with:\n      args: run x ${{EMPTY_ONE}}\n',
    );
    expect(dryRun(broken, { EMPTY_ONE: '' }, ROOT)).toEqual([
      'deploy: cli/runNpmCommand: ${{EMPTY_ONE}} is empty',
    ]);
  });

  it('lets APP_NAME_SUFFIX alone be empty, as the Toolkit does', () => {
    const named = parseLifecycle(
      'version: v1.11\nprovision:\n  - uses: teamsApp/create\n    with:\n      name: App${{APP_NAME_SUFFIX}}\n    writeToEnvironmentFile:\n      teamsAppId: TEAMS_APP_ID\n',
    );
    expect(dryRun(named, { APP_NAME_SUFFIX: '' }, ROOT)).toEqual([]);
  });

  it('reports a preset client id with no object id when a secret is to be added', () => {
    const local = parseLifecycle(read('teamsapp.local.yml'));
    const values = toolkitSupplied('local', {
      ...parseEnvFile(read('env/.env.local')),
      AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-00000000c0de',
      AAD_APP_OBJECT_ID: '',
    });
    expect(dryRun(local, values, ROOT)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/AAD_APP_OBJECT_ID is empty: the client secret/),
      ]),
    );
  });

  it('reports a schema violation such as an unknown parameter', () => {
    const typo = parseLifecycle(
      'version: v1.11\nprovision:\n  - uses: arm/deploy\n    with:\n      subscriptionId: x\n      resourceGroupName: y\n      templates: []\n      bicepVersion: v0.37.4\n',
    );
    expect(schemaProblems(typo).length).toBeGreaterThan(0);
  });
});
