import { mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseEnvFile } from '../../scripts/package-app';
import { runPreflight } from '../../scripts/preflight';
import { allowedValues, isBlocking, preflight } from '../../scripts/preflightChecks';
import type { PreflightInputs } from '../../scripts/preflightChecks';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** env/.env.dev as an admin fills it before the first provision. */
const READY_DEV = {
  ...parseEnvFile(read('env/.env.dev')),
  PILOT_GROUP_ID: '5b1f6c1e-2f4b-4d7a-9a51-0c3e9f1d2a77',
};

function inputs(overrides: Partial<PreflightInputs> = {}): PreflightInputs {
  return {
    env: 'dev',
    values: READY_DEV,
    lifecycleText: read('teamsapp.yml'),
    bicepText: read('infra/azure.bicep'),
    parametersText: read('infra/azure.parameters.json'),
    aadManifestText: read('aad.manifest.json'),
    homeDir: '/home/admin',
    exists: () => true,
    ...overrides,
  };
}

const blocking = (i: PreflightInputs) => preflight(i).filter(isBlocking);
const withValues = (values: Record<string, string>) =>
  inputs({ values: { ...READY_DEV, ...values } });

describe('npm run preflight', () => {
  it('passes a ready dev environment', () => {
    expect(preflight(inputs())).toEqual([]);
  });

  it('reads the allowed regions from the template', () => {
    expect(allowedValues(read('infra/azure.bicep'), 'location')).toEqual(
      expect.arrayContaining(['westeurope', 'eastus', 'swedencentral']),
    );
    expect(allowedValues(read('infra/azure.bicep'), 'staticWebAppLocation')).toEqual([
      'westus2',
      'centralus',
      'eastus2',
      'westeurope',
      'eastasia',
    ]);
  });

  // One misconfiguration per row: the finding names the setting and says what to do.
  it.each([
    ['an empty Function App region', { AZURE_LOCATION: '' }, 'AZURE_LOCATION', /is empty\. Choose/],
    [
      'a region without Flex Consumption',
      { AZURE_LOCATION: 'westindia' },
      'AZURE_LOCATION',
      /"westindia" is not a region the template allows/,
    ],
    [
      'a display name for a region',
      { TAB_STATIC_WEB_APP_LOCATION: 'West Europe' },
      'TAB_STATIC_WEB_APP_LOCATION',
      /"West Europe" is not a region/,
    ],
    ['no pilot group', { PILOT_GROUP_ID: '' }, 'PILOT_GROUP_ID', /no pilot group is set/],
    [
      'a pilot group named instead of its id',
      { PILOT_GROUP_ID: 'Career pilot' },
      'PILOT_GROUP_ID',
      /not a group object id/,
    ],
    [
      'a tenant domain instead of its id',
      { AAD_APP_TENANT_ID: 'contoso.onmicrosoft.com' },
      'AAD_APP_TENANT_ID',
      /is not a GUID\. It must be your Microsoft 365 tenant id/,
    ],
    [
      'a subscription name instead of its id',
      { AZURE_SUBSCRIPTION_ID: 'Pay-As-You-Go' },
      'AZURE_SUBSCRIPTION_ID',
      /is not a GUID/,
    ],
    [
      'other tenants allowed for a single-tenant app',
      { ALLOWED_TENANTS: '*' },
      'ALLOWED_TENANTS',
      /single-tenant.*Delete the line/,
    ],
    [
      'deep links naming the created id once the catalogue id differs',
      {
        TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
        TEAMS_APP_PUBLISHED_APP_ID: '99999999-2222-4333-8444-555555555555',
      },
      'teamsAppId',
      /TEAMS_APP_PUBLISHED_APP_ID.*provision again/,
    ],
  ])('reports %s', (_case, values, subject, message) => {
    expect(blocking(withValues(values))).toEqual([
      { subject, message: expect.stringMatching(message) },
    ]);
  });

  it('reports a lifecycle without a pinned Bicep version', () => {
    const text = read('teamsapp.yml').replace(/^\s*bicepCliVersion:.*\n/m, '');
    expect(blocking(inputs({ lifecycleText: text }))).toEqual([
      { subject: 'bicepCliVersion', message: expect.stringMatching(/bare `bicep` from PATH/) },
    ]);
  });

  it('reports a Bicep version that is not a release tag', () => {
    const text = read('teamsapp.yml').replace(/bicepCliVersion: .*/, 'bicepCliVersion: latest');
    expect(blocking(inputs({ lifecycleText: text }))[0]?.message).toMatch(
      /not a Bicep release tag/,
    );
  });

  it('says how to get Bicep when it is not downloaded yet, without blocking', () => {
    const findings = preflight(inputs({ exists: () => false }));
    expect(findings).toEqual([
      {
        subject: 'bicep (note)',
        message: expect.stringContaining(
          'https://github.com/Azure/bicep/releases/download/v0.37.4/ into /home/admin/.fx/bin/bicep/v0.37.4',
        ),
      },
    ]);
    expect(findings.filter(isBlocking)).toEqual([]);
  });

  it('reports a multi-tenant registration', () => {
    const text = read('teamsapp.yml').replace(
      'signInAudience: AzureADMyOrg',
      'signInAudience: AzureADMultipleOrgs',
    );
    expect(blocking(inputs({ lifecycleText: text }))[0]).toMatchObject({
      subject: 'signInAudience',
    });
  });

  it('reports an empty value a step reads that no step writes', () => {
    const parametersText = read('infra/azure.parameters.json').replace(
      '"parameters": {',
      '"parameters": { "extra": { "value": "${{COST_CENTRE}}" },',
    );
    expect(blocking(inputs({ parametersText }))).toEqual([
      { subject: 'COST_CENTRE', message: expect.stringMatching(/Toolkit stops/) },
    ]);
  });

  it('reports a local client id preset without its object id', () => {
    const local = inputs({
      env: 'local',
      values: {
        ...parseEnvFile(read('env/.env.local')),
        AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-00000000c0de',
      },
      lifecycleText: read('teamsapp.local.yml'),
      parametersText: '',
    });
    expect(blocking(local)).toEqual([
      { subject: 'AAD_APP_CLIENT_ID', message: expect.stringMatching(/skip creating the app/) },
    ]);
  });

  describe('from the command line', () => {
    let home: string;
    beforeEach(() => {
      home = mkdtempSync(join(tmpdir(), 'preflight-home-'));
      jest.spyOn(console, 'log').mockImplementation(() => undefined);
      jest.spyOn(console, 'error').mockImplementation(() => undefined);
    });
    afterEach(() => {
      jest.restoreAllMocks();
      rmSync(home, { recursive: true, force: true });
    });

    it('exits non-zero for the committed dev environment, whose pilot group is still empty', () => {
      expect(runPreflight(ROOT, ['--env', 'dev'], home)).toBe(1);
      expect(console.log).toHaveBeenCalledWith(expect.stringMatching(/^✗ PILOT_GROUP_ID: /));
    });

    it('exits zero for the committed local environment', () => {
      expect(runPreflight(ROOT, ['--env', 'local'], home)).toBe(0);
    });

    it('exits non-zero, naming the file, for an environment that does not exist', () => {
      expect(runPreflight(ROOT, ['--env', 'nowhere'], home)).toBe(1);
      expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/env[/\\]\.env\.nowhere/));
    });
  });
});
