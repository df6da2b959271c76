import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The subset of the Entra app manifest (toolkit format) these tests read. */
interface AadManifest {
  signInAudience: string;
  identifierUris: string[];
  oauth2Permissions: { id: string; value: string; type: string; isEnabled: boolean }[];
  preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
  appRoles: { value: string; allowedMemberTypes: string[]; id: string; isEnabled: boolean }[];
  requiredResourceAccess: {
    resourceAppId: string;
    resourceAccess: { id: string; type: string }[];
  }[];
}

const manifest = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'aad.manifest.json'), 'utf8'),
) as AadManifest;

/**
 * Microsoft 365 client applications that request SSO tokens for a tab, as listed in
 * "Configure your tab app in Microsoft Entra ID" (learn.microsoft.com, msteams-platform
 * tabs/how-to/authentication/tab-sso-register-aad) plus Office.com's second client id.
 */
const TRUSTED_CLIENTS = {
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264': 'Teams desktop and mobile',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346': 'Teams web',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c': 'Outlook desktop, Microsoft 365 mobile',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3': 'Outlook web',
  '27922004-5251-4030-b22d-91ecd9a37ea4': 'Outlook mobile',
  '4765445b-32c6-49b0-83e6-1d93765276ca': 'Microsoft 365 web',
  '0ec893e0-5785-4de6-99da-4ed124e5296c': 'Microsoft 365 desktop',
  '4345a7b9-9a63-4910-a426-35363201d503': 'Microsoft 365 web (Office.com)',
};

describe('aad.manifest.json', () => {
  const accessAsUser = manifest.oauth2Permissions.find((p) => p.value === 'access_as_user');

  it('exposes the API scope access_as_user', () => {
    expect(accessAsUser).toMatchObject({
      type: 'User',
      isEnabled: true,
      id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}',
    });
    expect(manifest.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
  });

  it('pre-authorizes exactly the Teams, Outlook and Microsoft 365 clients for that scope', () => {
    const preAuthorized = manifest.preAuthorizedApplications;
    expect(preAuthorized.map((p) => p.appId).sort()).toEqual(Object.keys(TRUSTED_CLIENTS).sort());
    for (const client of preAuthorized) expect(client.permissionIds).toEqual([accessAsUser?.id]);
  });

  it('defines an Admin app role for users', () => {
    expect(manifest.appRoles).toEqual([
      expect.objectContaining({ value: 'Admin', allowedMemberTypes: ['User'], isEnabled: true }),
    ]);
    expect(manifest.appRoles[0]?.id).toMatch(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
  });

  it('requests the org chart and the pilot group’s members, and no calendar or notification grant', () => {
    // Calendars.ReadWrite is granted in Exchange Online, scoped to the pilot group (RBAC for
    // Applications, docs/deploy.md): an Entra grant would add tenant-wide access on top of it.
    // Notifications use the resource-specific TeamsActivity.Send.User of the Teams manifest.
    // GroupMember.Read.All reads the pilot group's transitive members (graph/pilotGroup.ts).
    expect(manifest.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: [
          { id: 'User.Read.All', type: 'Role' },
          { id: 'GroupMember.Read.All', type: 'Role' },
        ],
      },
    ]);
  });

  it('is a single-tenant registration, like the app created by teamsapp.yml', () => {
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
  });
});
