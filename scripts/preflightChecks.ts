/**
 * What `npm run preflight -- --env <name>` checks, offline, before anything touches Azure: each
 * check reads plain text and values and returns findings an admin can act on. scripts/preflight.ts
 * reads the files and prints them.
 */
import { join } from 'node:path';

export interface PreflightInputs {
  env: string;
  /** env/.env.{env} (and its .user file), parsed. */
  values: Record<string, string>;
  /** The lifecycle file the Toolkit runs for this environment. */
  lifecycleText: string;
  bicepText: string;
  parametersText: string;
  aadManifestText: string;
  /** Where the Toolkit keeps the Bicep CLI it downloads (~). */
  homeDir: string;
  exists: (path: string) => boolean;
}

export interface Finding {
  /** The setting or file to fix, e.g. AZURE_LOCATION. */
  subject: string;
  message: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Values of a Bicep parameter's @allowed list, e.g. allowedValues(bicep, 'location'). */
export function allowedValues(bicepText: string, param: string): string[] {
  const match = new RegExp(
    `@allowed\\(\\[([^\\]]*)\\]\\)\\s*(?:@[^\\n]*\\n\\s*)*param ${param} `,
  ).exec(bicepText);
  return match ? [...(match[1] as string).matchAll(/'([^']+)'/g)].map((m) => m[1] as string) : [];
}

function yamlValue(text: string, key: string): string | undefined {
  return new RegExp(`^\\s*${key}:\\s*([^\\s#]+)`, 'm').exec(text)?.[1];
}

function checkRegions(i: PreflightInputs): Finding[] {
  const findings: Finding[] = [];
  const regions: [string, string, string][] = [
    [
      'AZURE_LOCATION',
      'location',
      'the Function App, Cosmos DB and Storage (a region with Flex Consumption)',
    ],
    ['TAB_STATIC_WEB_APP_LOCATION', 'staticWebAppLocation', 'the Static Web App'],
  ];
  for (const [name, param, what] of regions) {
    if (!i.parametersText.includes(`\${{${name}}}`)) continue;
    const allowed = allowedValues(i.bicepText, param);
    const value = i.values[name] ?? '';
    if (value === '') {
      findings.push({
        subject: name,
        message: `is empty. Choose the region for ${what}: one of ${allowed.join(', ')}.`,
      });
    } else if (!allowed.includes(value)) {
      findings.push({
        subject: name,
        message: `"${value}" is not a region the template allows for ${what}. Use one of ${allowed.join(', ')} (names as \`az account list-locations\` prints them, e.g. westeurope).`,
      });
    }
  }
  return findings;
}

function checkIds(i: PreflightInputs): Finding[] {
  const findings: Finding[] = [];
  const ids: [string, string][] = [
    ['AZURE_SUBSCRIPTION_ID', 'the subscription id (`az account show --query id`)'],
    [
      'AAD_APP_TENANT_ID',
      'your Microsoft 365 tenant id (Entra admin center → Overview → Tenant ID)',
    ],
    ['AAD_APP_CLIENT_ID', 'the app registration’s client id, written by provision'],
    ['TEAMS_APP_ID', 'the Teams app id, written by provision'],
  ];
  for (const [name, what] of ids) {
    const value = i.values[name];
    if (value && !GUID.test(value))
      findings.push({
        subject: name,
        message: `"${value}" is not a GUID. It must be ${what}; a domain name such as contoso.onmicrosoft.com does not work. Empty it to let provision fill it.`,
      });
  }
  return findings;
}

function checkPilot(i: PreflightInputs): Finding[] {
  const pilot = i.values.PILOT_GROUP_ID ?? '';
  if (pilot === '')
    return [
      {
        subject: 'PILOT_GROUP_ID',
        message:
          'is empty: no pilot group is set, so Career Board would book nobody and calendar access cannot be scoped. Set it to the object id of the Entra group of pilot employees and their managers (`az ad group show --group "<name>" --query id -o tsv`).',
      },
    ];
  if (!GUID.test(pilot))
    return [
      {
        subject: 'PILOT_GROUP_ID',
        message: `"${pilot}" is not a group object id (a GUID). Use \`az ad group show --group "<name>" --query id -o tsv\`, not the group's name or mail address.`,
      },
    ];
  return [];
}

function checkSingleTenant(i: PreflightInputs): Finding[] {
  const findings: Finding[] = [];
  const yamlAudience = yamlValue(i.lifecycleText, 'signInAudience');
  const manifestAudience = (JSON.parse(i.aadManifestText) as { signInAudience?: string })
    .signInAudience;
  if (yamlAudience !== 'AzureADMyOrg' || manifestAudience !== 'AzureADMyOrg') {
    findings.push({
      subject: 'signInAudience',
      message: `the lifecycle says ${yamlAudience ?? 'nothing'} and aad.manifest.json says ${manifestAudience ?? 'nothing'}; both must be AzureADMyOrg: Career Board is registered in, and accepts, your tenant only.`,
    });
  }
  const tenants = i.values.ALLOWED_TENANTS;
  if (tenants && tenants !== i.values.AAD_APP_TENANT_ID) {
    findings.push({
      subject: 'ALLOWED_TENANTS',
      message: `is "${tenants}", but the app registration is single-tenant: Entra issues its tokens to your tenant's users only, and the template sets the API to accept exactly that tenant. Delete the line.`,
    });
  }
  return findings;
}

function checkBicep(i: PreflightInputs): Finding[] {
  if (!/uses:\s*arm\/deploy/.test(i.lifecycleText)) return [];
  const version = yamlValue(i.lifecycleText, 'bicepCliVersion');
  if (!version)
    return [
      {
        subject: 'bicepCliVersion',
        message:
          'is not set in the arm/deploy step: the Toolkit would run a bare `bicep` from PATH, which `az bicep install` does not provide. Set it, e.g. `bicepCliVersion: v0.37.4`.',
      },
    ];
  if (!/^v\d+\.\d+\.\d+$/.test(version))
    return [
      {
        subject: 'bicepCliVersion',
        message: `"${version}" is not a Bicep release tag such as v0.37.4: the Toolkit downloads exactly that tag from github.com/Azure/bicep/releases.`,
      },
    ];
  const path = join(i.homeDir, '.fx', 'bin', 'bicep', version);
  if (!i.exists(path))
    return [
      {
        subject: 'bicep (note)',
        message: `Bicep ${version} is not downloaded yet; provision fetches it from https://github.com/Azure/bicep/releases/download/${version}/ into ${path}. Without access to github.com, download bicep-linux-x64 (or -osx-x64, -win-x64.exe) of that release yourself and save it as ${path}, executable.`,
      },
    ];
  return [];
}

function checkDeepLinks(i: PreflightInputs): Finding[] {
  const published = i.values.TEAMS_APP_PUBLISHED_APP_ID;
  const teamsId = i.values.TEAMS_APP_ID;
  const usesCreated = /"teamsAppId":\s*\{\s*"value":\s*"\$\{\{TEAMS_APP_ID\}\}"/.test(
    i.parametersText,
  );
  if (published && teamsId && published !== teamsId && usesCreated)
    return [
      {
        subject: 'teamsAppId',
        message: `the org catalogue knows the app as ${published} (TEAMS_APP_PUBLISHED_APP_ID), but notification deep links use ${teamsId} (TEAMS_APP_ID). Set "teamsAppId": { "value": "\${{TEAMS_APP_PUBLISHED_APP_ID}}" } in infra/azure.parameters.json and provision again.`,
      },
    ];
  return [];
}

/** The local environment: a preset client id without its object id stops aadApp/create. */
function checkPresetApp(i: PreflightInputs): Finding[] {
  if (!/generateClientSecret:\s*true/.test(i.lifecycleText)) return [];
  const v = i.values;
  if (v.AAD_APP_CLIENT_ID && !v.AAD_APP_OBJECT_ID && !v.SECRET_AAD_APP_CLIENT_SECRET)
    return [
      {
        subject: 'AAD_APP_CLIENT_ID',
        message:
          'is set without AAD_APP_OBJECT_ID: provision would skip creating the app and then fail adding its secret. Empty AAD_APP_CLIENT_ID (and TEAMS_APP_ID) to register new apps, or also set AAD_APP_OBJECT_ID of that registration.',
      },
    ];
  return [];
}

/** Values the lifecycle or the parameters read that are empty and that no step writes. */
function checkEmptyInputs(i: PreflightInputs, reported: Set<string>): Finding[] {
  // Comment lines may quote a placeholder; only the steps' own text counts.
  const steps = i.lifecycleText
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
  const text = `${steps}\n${i.parametersText}`;
  const written = new Set([
    ...[...i.lifecycleText.matchAll(/^\s+\w+:\s*([A-Z][A-Z0-9_]*)\s*$/gm)].map((m) => m[1]),
    ...[...i.bicepText.matchAll(/^output\s+([A-Z][A-Z0-9_]*)\s/gm)].map((m) => m[1]),
    'TEAMSFX_ENV',
    'AZURE_SUBSCRIPTION_ID',
    'AZURE_RESOURCE_GROUP_NAME',
    'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
  ]);
  const findings: Finding[] = [];
  for (const name of new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))) {
    if (name === 'APP_NAME_SUFFIX' || written.has(name) || reported.has(name)) continue;
    if (!i.values[name])
      findings.push({
        subject: name,
        message: `is empty or missing in env/.env.${i.env}, and the Toolkit stops at a step whose \${{${name}}} is empty. Set it.`,
      });
  }
  return findings;
}

export function preflight(inputs: PreflightInputs): Finding[] {
  const findings = [
    ...checkRegions(inputs),
    ...checkIds(inputs),
    ...(inputs.env === 'local' ? [] : checkPilot(inputs)),
    ...checkSingleTenant(inputs),
    ...checkBicep(inputs),
    ...checkDeepLinks(inputs),
    ...checkPresetApp(inputs),
  ];
  const reported = new Set(findings.map((f) => f.subject));
  return [...findings, ...checkEmptyInputs(inputs, reported)];
}

/** Notes (subject ending in "(note)") inform; anything else stops the deploy. */
export const isBlocking = (finding: Finding): boolean => !finding.subject.endsWith('(note)');
