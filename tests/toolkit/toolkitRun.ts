/**
 * A dry run of `atk provision`, `atk deploy` and `atk publish` with the Toolkit's own rules
 * (vendored from @microsoft/teamsfx-core, see vendor/teamsfx-core/README.md), offline:
 *
 * - the lifecycle file is validated against the Toolkit's yaml schema (v1.11, strict);
 * - each action's `with` and `env` are resolved by the Toolkit's `resolveString`, which refuses an
 *   empty value (only APP_NAME_SUFFIX may be empty) and so stops the action;
 * - files the Toolkit renders (the ARM parameters file for arm/deploy, the Entra manifest for
 *   aadApp/update, the Teams manifest for the teamsApp actions) go through its
 *   `expandEnvironmentVariable`, which substitutes only non-empty values; a placeholder left over
 *   is its MissingEnvironmentVariablesError;
 * - the drivers' own preconditions that depend on env values (aadApp/create skips creating an app
 *   whose client id is already set, and then needs its object id to add a secret) are modelled;
 * - each action's outputs (writeToEnvironmentFile, the Bicep outputs of arm/deploy) become
 *   available to later actions, with stand-in values.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv';

import { bicepOutputs, STAGES } from './lifecycleCheck';
import type { Action, Lifecycle } from './lifecycleCheck';
import {
  expandEnvironmentVariable,
  getEnvironmentVariables,
  resolveString,
} from './vendor/teamsfx-core/expand';
import schema from './vendor/teamsfx-core/yaml.schema.v1.11.json';

export type EnvValues = Record<string, string | undefined>;

/** Schema errors of a lifecycle document, as "path: message" lines; empty when valid. */
export function schemaProblems(document: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? ''}`);
}

/**
 * Values the Toolkit supplies itself before provision runs: it asks for the subscription and the
 * resource group when they are empty, and always knows the environment's name.
 */
export function toolkitSupplied(env: string, values: EnvValues): EnvValues {
  return {
    ...values,
    TEAMSFX_ENV: env,
    AZURE_SUBSCRIPTION_ID: values.AZURE_SUBSCRIPTION_ID || '00000000-aaaa-4bbb-8ccc-000000000001',
    AZURE_RESOURCE_GROUP_NAME: values.AZURE_RESOURCE_GROUP_NAME || 'rg-career-board',
  };
}

function resolveAll(input: unknown, unresolved: string[], values: EnvValues): unknown {
  if (typeof input === 'string') return resolveString(input, [], unresolved, values);
  if (Array.isArray(input)) return input.map((item) => resolveAll(item, unresolved, values));
  if (input && typeof input === 'object') {
    return Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, resolveAll(v, unresolved, values)]),
    );
  }
  return input;
}

/** The placeholders the Toolkit leaves in a file it renders (its MissingEnvironmentVariablesError). */
function renderProblems(rootDir: string, path: string, values: EnvValues): string[] {
  const file = join(rootDir, path);
  if (!existsSync(file)) return [`${path} does not exist`];
  const rendered = expandEnvironmentVariable(readFileSync(file, 'utf8'), values);
  const left = getEnvironmentVariables(rendered);
  if (left.length > 0) return [`${path} keeps \${{${left.join('}}, ${{')}}} unexpanded`];
  try {
    JSON.parse(rendered);
  } catch (error) {
    return [`${path} is not JSON once expanded: ${(error as Error).message}`];
  }
  return [];
}

/** Files an action renders with expandEnvironmentVariable. */
function renderedFiles(action: Action): string[] {
  const params = action.with ?? {};
  if (action.uses === 'arm/deploy' && Array.isArray(params.templates)) {
    return (params.templates as { parameters?: string }[]).flatMap((t) =>
      t.parameters ? [t.parameters] : [],
    );
  }
  if (
    ['aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage'].includes(
      action.uses,
    ) &&
    typeof params.manifestPath === 'string'
  ) {
    return [params.manifestPath];
  }
  return [];
}

/** The driver preconditions that hinge on env values (see the module comment). */
function driverProblems(action: Action, values: EnvValues): string[] {
  const writes = action.writeToEnvironmentFile ?? {};
  if (action.uses === 'aadApp/create') {
    const clientId = writes.clientId ? values[writes.clientId] : undefined;
    const objectId = writes.objectId ? values[writes.objectId] : undefined;
    const secret = writes.clientSecret ? values[writes.clientSecret] : undefined;
    if (clientId && action.with?.generateClientSecret === true && !secret && !objectId) {
      return [
        `${writes.clientId} is set, so no app is created, and ${writes.objectId} is empty: ` +
          'the client secret cannot be added (MissingEnvUserError)',
      ];
    }
  }
  return [];
}

function outputsOf(action: Action, rootDir: string): string[] {
  const written = Object.values(action.writeToEnvironmentFile ?? {});
  if (action.uses === 'arm/deploy' && Array.isArray(action.with?.templates)) {
    for (const template of action.with.templates as { path?: string }[]) {
      if (template.path && existsSync(join(rootDir, template.path)))
        written.push(...bicepOutputs(readFileSync(join(rootDir, template.path), 'utf8')));
    }
  }
  return written;
}

/** A stand-in for a value an action writes: never empty, shaped like what the Toolkit writes. */
function standIn(name: string): string {
  if (/_ID$/.test(name) && !/RESOURCE_ID$/.test(name))
    return '0000beef-0000-4000-8000-00000000cafe';
  if (/ENDPOINT$/.test(name)) return `https://${name.toLowerCase()}.example`;
  return `stand-in-${name.toLowerCase()}`;
}

/**
 * Runs provision, deploy and publish on paper and returns what would stop them, as
 * "stage: action: problem" lines. `values` are the environment's values after the Toolkit's own
 * prompts (see toolkitSupplied).
 */
export function dryRun(lifecycle: Lifecycle, values: EnvValues, rootDir: string): string[] {
  const current: EnvValues = { ...values };
  const problems: string[] = [];
  for (const stage of STAGES) {
    for (const action of lifecycle[stage] ?? []) {
      const where = `${stage}: ${action.name ?? action.uses}`;
      const unresolved: string[] = [];
      resolveAll({ with: action.with ?? {}, env: action.env ?? {} }, unresolved, current);
      for (const name of new Set(unresolved)) problems.push(`${where}: \${{${name}}} is empty`);
      for (const file of renderedFiles(action)) {
        // aadApp/update generates the scope id when the Entra manifest uses it and it is empty.
        const rendering =
          action.uses === 'aadApp/update'
            ? {
                ...current,
                AAD_APP_ACCESS_AS_USER_PERMISSION_ID:
                  current.AAD_APP_ACCESS_AS_USER_PERMISSION_ID || standIn('PERMISSION_ID'),
              }
            : current;
        problems.push(...renderProblems(rootDir, file, rendering).map((p) => `${where}: ${p}`));
      }
      problems.push(...driverProblems(action, current).map((p) => `${where}: ${p}`));
      for (const name of outputsOf(action, rootDir)) current[name] ||= standIn(name);
      if (action.uses === 'aadApp/update')
        current.AAD_APP_ACCESS_AS_USER_PERMISSION_ID ||= standIn('PERMISSION_ID');
    }
  }
  return problems;
}
