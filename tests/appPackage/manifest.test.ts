import { AppManifestUtils } from '@microsoft/app-manifest';
import type { AppManifest } from '@microsoft/app-manifest';

import {
  ACTIVITY_TEMPLATE_PARAMETERS,
  ACTIVITY_TYPES,
} from '../../api/src/domain/notifications/activityFeed';
import type { ActivityType } from '../../api/src/domain/notifications/activityFeed';
import { buildAppPackage } from '../../scripts/package-app';
import { COMPLETE_ENV, makeWorkspace } from './fixtures';
import type { Workspace } from './fixtures';

/** The Teams manifest fields these tests read; the schema check covers the rest. */
interface Manifest {
  $schema: string;
  manifestVersion: string;
  staticTabs: { entityId: string; name: string; contentUrl: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  activities: { activityTypes: { type: string; description: string; templateText: string }[] };
  validDomains: string[];
  description: { short: string };
}

// @microsoft/app-manifest requires strip-bom 5, an ES module that Jest's CommonJS runtime cannot
// load (plain Node 20.19+ can). Schema validation never strips a BOM, so a stand-in suffices.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

/** Validates offline: @microsoft/app-manifest bundles the schema named by `$schema`. */
const validate = (manifest: unknown) =>
  AppManifestUtils.validateAgainstSchema(manifest as AppManifest);

describe('appPackage/manifest.json', () => {
  let workspace: Workspace;
  let manifest: Manifest;

  beforeAll(() => {
    // Proves the check is offline: had the bundled schema been missing, it would have fetched it.
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in tests'));
    workspace = makeWorkspace();
    workspace.writeEnv('.env.test', COMPLETE_ENV);
    manifest = buildAppPackage({ rootDir: workspace.root, env: 'test' })
      .manifest as unknown as Manifest;
  });

  afterAll(() => {
    workspace.dispose();
    jest.restoreAllMocks();
  });

  it("passes Microsoft's Teams manifest schema once built", async () => {
    expect(await validate(manifest)).toEqual([]);
  });

  it('would fail the schema check for a manifest Teams rejects', async () => {
    const tooLong = {
      ...manifest,
      description: { ...manifest.description, short: 'x'.repeat(81) },
    };
    expect(await validate(tooLong)).toEqual([expect.stringContaining('/description/short')]);
  });

  it('uses schema 1.19 or later and names the schema of its own version', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major === 1 && (minor ?? 0) >= 19).toBe(true);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('offers "My board" and "My team" as personal tabs', () => {
    expect(manifest.staticTabs.map((t) => [t.name, t.contentUrl, t.scopes])).toEqual([
      ['My board', 'https://tab.example.net/#/board', ['personal']],
      ['My team', 'https://tab.example.net/#/team', ['personal']],
    ]);
  });

  it('can be pinned in a 1:1 chat through a group chat configurable tab', () => {
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: 'https://tab.example.net/#/config',
        scopes: ['groupChat'],
      }),
    ]);
  });

  it('also opens in the Teams meetings Career Board books: chat, details and side panel', () => {
    // A meeting tab is a configurable tab in the groupChat scope whose context names each meeting
    // surface it serves; the side panel needs `meetingSidePanel` ("Build tabs for meeting",
    // learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/build-tabs-for-meeting;
    // the manifest schema: learn.microsoft.com/microsoft-365/extensibility/schema/root-configurable-tabs).
    const [tab] = manifest.configurableTabs;
    expect(tab.scopes).toEqual(['groupChat']);
    expect(tab.context).toEqual([
      'privateChatTab',
      'meetingChatTab',
      'meetingDetailsTab',
      'meetingSidePanel',
    ]);
  });

  it('declares the SSO resource as api://{tab domain}/{client id}', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: '66666666-7777-4888-9999-aaaaaaaaaaaa',
      resource: 'api://tab.example.net/66666666-7777-4888-9999-aaaaaaaaaaaa',
    });
    expect(manifest.validDomains).toEqual(['tab.example.net']);
  });

  it('asks for chat members and per-user activity notifications as resource-specific consent', () => {
    // TeamsActivity.Send.User is the least-privileged permission of sendActivityNotification
    // (Microsoft Graph reference, userteamwork-sendactivitynotification): granted by each person
    // who installs the app, in place of the tenant-wide application permission TeamsActivity.Send.
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChatMember.Read.Chat', type: 'Application' },
      { name: 'TeamsActivity.Send.User', type: 'Application' },
    ]);
  });

  it('declares exactly the activity feed notifications the API sends, with the parameters it fills', () => {
    expect(manifest.activities.activityTypes.map((a) => a.type)).toEqual([
      'conversationBooked',
      'boardUpdateReminder',
      'aspirationAcknowledged',
      'newDirectReport',
      'boardShared',
      'adviceRequested',
      'adviceAnswered',
      'sharedBoardChanged',
    ]);
    expect(manifest.activities.activityTypes.map((a) => a.type)).toEqual(ACTIVITY_TYPES);
    for (const activity of manifest.activities.activityTypes) {
      const parameters = [...activity.templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect({ type: activity.type, parameters }).toEqual({
        type: activity.type,
        parameters: [...ACTIVITY_TEMPLATE_PARAMETERS[activity.type as ActivityType]],
      });
      // Notifications reach lock screens: a date or a person's name, never board content.
      expect(parameters.filter((p) => p !== 'when' && p !== 'employee' && p !== 'person')).toEqual(
        [],
      );
    }
  });
});
