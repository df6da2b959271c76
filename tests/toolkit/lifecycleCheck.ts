/**
 * Static checks for Agents Toolkit lifecycle files (teamsapp.yml, teamsapp.local.yml): every
 * action is a real toolkit action with its required parameters, every input file exists, and no
 * step reads a `${{VARIABLE}}` before an earlier step (or the env file) has produced it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { load } from 'js-yaml';

import { parseEnvFile } from '../../scripts/package-app';

interface ActionSpec {
  /** `with` keys the schema requires. */
  required: string[];
  /** Every `with` key the schema allows; when present, unknown keys are reported (typos). */
  allowed?: string[];
  /** `writeToEnvironmentFile` keys the schema requires. */
  writes?: string[];
}

/**
 * The actions of the Microsoft 365 Agents Toolkit yaml schema v1.11 (the `lifeCycleArray` of
 * packages/fx-core/resource/yaml-schema/v1.11/yaml.schema.json in OfficeDev/microsoft-365-agents-toolkit,
 * published as https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json). `required`, `allowed`
 * and `writes` copy each action's `with.required`, `with.properties` and
 * `writeToEnvironmentFile.required`. Update this table when moving to a newer schema version.
 */
export const KNOWN_ACTIONS: Record<string, ActionSpec> = {
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    allowed: [
      'name',
      'generateClientSecret',
      'generateServicePrincipal',
      'signInAudience',
      'serviceManagementReference',
      'clientSecretExpireDays',
      'clientSecretDescription',
      'uniqueName',
    ],
    writes: ['clientId', 'objectId'],
  },
  'aadApp/update': {
    required: ['manifestPath', 'outputFilePath'],
    allowed: ['manifestPath', 'outputFilePath'],
  },
  'arm/deploy': {
    required: ['subscriptionId', 'resourceGroupName', 'templates'],
    allowed: ['subscriptionId', 'resourceGroupName', 'templates', 'bicepCliVersion'],
  },
  'azureStorage/enableStaticWebsite': {
    required: ['storageResourceId'],
    allowed: ['storageResourceId', 'indexPage', 'errorPage'],
  },
  'cli/runNpmCommand': { required: ['args'], allowed: ['args', 'workingDirectory'] },
  'cli/runDotnetCommand': { required: ['args'], allowed: ['args', 'workingDirectory', 'execPath'] },
  'cli/runNpxCommand': { required: ['args'], allowed: ['args', 'workingDirectory'] },
  'azureStorage/deploy': {
    required: ['artifactFolder', 'resourceId'],
    allowed: ['artifactFolder', 'resourceId', 'workingDirectory', 'ignoreFile'],
  },
  'azureAppService/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    allowed: [
      'artifactFolder',
      'resourceId',
      'workingDirectory',
      'ignoreFile',
      'dryRun',
      'outputZipFile',
    ],
  },
  'azureFunctions/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    allowed: [
      'artifactFolder',
      'resourceId',
      'workingDirectory',
      'ignoreFile',
      'dryRun',
      'outputZipFile',
    ],
  },
  'teamsApp/create': { required: ['name'], allowed: ['name'], writes: ['teamsAppId'] },
  'teamsApp/validateManifest': { required: ['manifestPath'], allowed: ['manifestPath'] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'], allowed: ['appPackagePath'] },
  'teamsApp/validateWithTestCases': {
    required: ['appPackagePath'],
    allowed: ['appPackagePath', 'showMessage', 'showProgressBar'],
  },
  'teamsApp/zipAppPackage': {
    required: ['manifestPath', 'outputZipPath', 'outputFolder'],
    allowed: ['manifestPath', 'outputZipPath', 'outputFolder'],
  },
  'teamsApp/update': { required: ['appPackagePath'], allowed: ['appPackagePath'] },
  'teamsApp/publishAppPackage': {
    required: ['appPackagePath'],
    allowed: ['appPackagePath'],
    writes: ['publishedAppId'],
  },
  'botAadApp/create': { required: ['name'], writes: ['botId', 'botPassword'] },
  'botFramework/create': { required: ['botId', 'name', 'messagingEndpoint'] },
  'file/createOrUpdateEnvironmentFile': {
    required: ['envs', 'target'],
    allowed: ['envs', 'target'],
  },
  'file/createOrUpdateJsonFile': {
    required: ['target'],
    allowed: ['appsettings', 'target', 'content'],
  },
  'devTool/install': { required: [] },
  'teamsApp/extendToM365': { required: ['appPackagePath'] },
  'spfx/deploy': { required: ['packageSolutionPath'] },
  'teamsApp/copyAppPackageToSPFx': { required: ['appPackagePath', 'spfxFolder'] },
  script: {
    required: ['run'],
    allowed: ['run', 'workingDirectory', 'shell', 'timeout', 'redirectTo'],
  },
  'apiKey/register': { required: ['name', 'appId'] },
  'azureStaticWebApps/getDeploymentToken': {
    required: ['resourceId'],
    allowed: ['resourceId'],
    writes: ['deploymentToken'],
  },
  'apiKey/update': { required: ['name', 'appId', 'registrationId'] },
  'oauth/register': { required: ['name', 'flow'] },
  'oauth/update': { required: ['name', 'configurationId'] },
};

/** Variables the toolkit itself provides (or asks for) in every environment. */
const BUILT_IN_VARIABLES = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];

/** aadApp/update generates this id when the Entra manifest uses it and it is still empty. */
const GENERATED_BY_AAD_UPDATE = 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ENV_VAR_NAME = /^[A-Z][A-Z0-9_]*$/;

export interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  writeToEnvironmentFile?: Record<string, string>;
}

export interface Lifecycle {
  version: string;
  environmentFolderPath?: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

export const STAGES = ['provision', 'deploy', 'publish'] as const;

export function parseLifecycle(text: string): Lifecycle {
  return load(text) as Lifecycle;
}

export function actionsOf(lifecycle: Lifecycle): { stage: string; action: Action }[] {
  return STAGES.flatMap((stage) => (lifecycle[stage] ?? []).map((action) => ({ stage, action })));
}

/** Unknown actions, missing or misspelt parameters, and invalid variable names to write. */
export function actionProblems(lifecycle: Lifecycle): string[] {
  const problems: string[] = [];
  for (const { stage, action } of actionsOf(lifecycle)) {
    const spec = KNOWN_ACTIONS[action.uses];
    const where = `${stage}: ${action.uses}`;
    if (!spec) {
      problems.push(`${where} is not an action of the toolkit schema`);
      continue;
    }
    const given = Object.keys(action.with ?? {});
    for (const key of spec.required)
      if (!given.includes(key)) problems.push(`${where} lacks with.${key}`);
    if (spec.allowed)
      for (const key of given)
        if (!spec.allowed.includes(key)) problems.push(`${where} has unknown with.${key}`);
    const writes = action.writeToEnvironmentFile ?? {};
    for (const key of spec.writes ?? [])
      if (!writes[key]) problems.push(`${where} lacks writeToEnvironmentFile.${key}`);
    for (const [key, variable] of Object.entries(writes)) {
      if (!ENV_VAR_NAME.test(variable))
        problems.push(`${where} writes ${key} to an invalid name "${variable}"`);
    }
  }
  return problems;
}

/** Files a lifecycle reads (as opposed to writes); each must exist in the repository. */
export function inputPaths(lifecycle: Lifecycle): string[] {
  const paths: string[] = [];
  if (lifecycle.environmentFolderPath) paths.push(lifecycle.environmentFolderPath);
  for (const { action } of actionsOf(lifecycle)) {
    const params = action.with ?? {};
    if (typeof params.manifestPath === 'string') paths.push(params.manifestPath);
    if (Array.isArray(params.templates)) {
      for (const template of params.templates as { path?: string; parameters?: string }[]) {
        if (template.path) paths.push(template.path);
        if (template.parameters) paths.push(template.parameters);
      }
    }
    if (typeof params.args === 'string') {
      const config = /--swa-config-location\s+(\S+)/.exec(params.args);
      if (config?.[1]) paths.push(config[1]);
    }
    // Repository scripts a `script` step runs, e.g. `bash ./scripts/stage-api.sh`.
    if (action.uses === 'script' && typeof params.run === 'string') {
      for (const [, path] of params.run.matchAll(/(?:^|\s)(\.\/scripts\/[^\s"';&|]+)/g))
        paths.push(path as string);
    }
  }
  return paths;
}

export function missingPaths(lifecycle: Lifecycle, rootDir: string): string[] {
  return inputPaths(lifecycle).filter((path) => !existsSync(join(rootDir, path)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Outputs of a Bicep template: arm/deploy writes each one to the env file under its own name. */
export function bicepOutputs(source: string): string[] {
  return [...source.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s/gm)].map((m) => m[1] as string);
}

/** The variables an action reads, including those inside the files it renders. */
function variablesRead(action: Action, rootDir: string): string[] {
  const read = placeholders(JSON.stringify({ with: action.with ?? {}, env: action.env ?? {} }));
  const params = action.with ?? {};
  const renders = (path: unknown) => {
    if (typeof path === 'string' && existsSync(join(rootDir, path))) {
      read.push(...placeholders(readFileSync(join(rootDir, path), 'utf8')));
    }
  };
  if (action.uses === 'aadApp/update' || action.uses === 'teamsApp/zipAppPackage')
    renders(params.manifestPath);
  if (action.uses === 'teamsApp/validateManifest') renders(params.manifestPath);
  if (action.uses === 'arm/deploy' && Array.isArray(params.templates)) {
    for (const template of params.templates as { parameters?: string }[])
      renders(template.parameters);
  }
  return read;
}

function variablesWritten(action: Action, rootDir: string): string[] {
  const written = Object.values(action.writeToEnvironmentFile ?? {});
  if (action.uses === 'arm/deploy' && Array.isArray(action.with?.templates)) {
    for (const template of action.with.templates as { path?: string }[]) {
      if (template.path && existsSync(join(rootDir, template.path))) {
        written.push(...bicepOutputs(readFileSync(join(rootDir, template.path), 'utf8')));
      }
    }
  }
  return written;
}

/**
 * Walks the stages in order and reports each `${{VARIABLE}}` read before it is available.
 * Available: toolkit built-ins; env-file values that are set; env-file keys no action writes
 * (choices left to the admin, possibly empty on purpose); and whatever earlier steps wrote.
 */
export function variablesUsedBeforeProduced(
  lifecycle: Lifecycle,
  envFileText: string,
  rootDir: string,
): string[] {
  const envFile = parseEnvFile(envFileText);
  const writtenAnywhere = new Set(
    actionsOf(lifecycle).flatMap(({ action }) => variablesWritten(action, rootDir)),
  );
  const available = new Set<string>(BUILT_IN_VARIABLES);
  for (const [key, value] of Object.entries(envFile)) {
    if (value !== '' || !writtenAnywhere.has(key)) available.add(key);
  }
  const problems: string[] = [];
  for (const { stage, action } of actionsOf(lifecycle)) {
    if (action.uses === 'aadApp/update') available.add(GENERATED_BY_AAD_UPDATE);
    for (const variable of new Set(variablesRead(action, rootDir))) {
      if (!available.has(variable))
        problems.push(`${stage}: ${action.uses} reads ${variable} before it is produced`);
    }
    for (const variable of variablesWritten(action, rootDir)) available.add(variable);
  }
  return problems;
}
