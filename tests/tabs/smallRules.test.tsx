import { acknowledgementText } from '../../tabs/src/board/AcknowledgementStatus';
import { chatTabSettings } from '../../tabs/src/chat/chatTabSettings';
import { curlyQuotes, formatDayAndTime } from '../../tabs/src/common/format';
import { parseRuntimeConfig } from '../../tabs/src/config/runtimeConfig';
import { groupForPicker } from '../../tabs/src/signin/signInGroups';
import type { DevUser } from '../../tabs/src/auth/localIdentity';

describe('acknowledgement wording', () => {
  const ack = {
    by: { id: 'm', displayName: 'Alex Morgan' },
    at: '2026-03-12T10:00:00Z',
    note: null,
  };
  const now = new Date('2026-06-01T00:00:00Z');

  test('the employee reads who saw it and when', () => {
    expect(
      acknowledgementText(
        { acknowledgement: ack, changedSinceAcknowledged: false },
        'employee',
        now,
      ),
    ).toMatch(/^Seen by Alex on (12 March|March 12)$/);
  });

  test('a change after acknowledgement is called out', () => {
    expect(
      acknowledgementText(
        { acknowledgement: ack, changedSinceAcknowledged: true },
        'employee',
        now,
      ),
    ).toBe('Changed since Alex saw it');
    expect(
      acknowledgementText({ acknowledgement: ack, changedSinceAcknowledged: true }, 'manager', now),
    ).toBe('Changed since you saw it');
  });

  test('not yet seen reads differently for each side', () => {
    expect(
      acknowledgementText({ acknowledgement: null, changedSinceAcknowledged: false }, 'employee'),
    ).toBe('Not seen by your manager yet');
    expect(
      acknowledgementText({ acknowledgement: null, changedSinceAcknowledged: false }, 'manager'),
    ).toBe('Not acknowledged yet');
  });
});

describe('chat tab settings', () => {
  test('point at the chat board of the employee, named "Career board"', () => {
    expect(chatTabSettings('https://tab.example/', 'emp-1')).toEqual({
      contentUrl: 'https://tab.example/#/chat/emp-1',
      entityId: 'board-emp-1',
      suggestedDisplayName: 'Career board',
    });
  });
});

describe('runtime config', () => {
  test('is accepted when complete, trimmed of trailing slashes', () => {
    expect(
      parseRuntimeConfig({
        mode: 'local',
        apiBaseUrl: 'http://localhost:7071/api/',
        devServicesUrl: 'http://localhost:7072',
        extraHostOrigins: ['http://localhost:4000'],
      }),
    ).toEqual({
      mode: 'local',
      apiBaseUrl: 'http://localhost:7071/api',
      devServicesUrl: 'http://localhost:7072',
      extraHostOrigins: ['http://localhost:4000'],
      entra: null,
    });
  });

  test('carries the app registration when given, so the tab can ask for consent itself', () => {
    const entra = {
      clientId: '11111111-2222-4333-8444-555555555555',
      apiScope: 'api://tab.example.net/11111111-2222-4333-8444-555555555555/access_as_user',
    };
    const base = { mode: 'azure', apiBaseUrl: 'https://api.example.net/api', devServicesUrl: null };
    expect(parseRuntimeConfig({ ...base, entra })?.entra).toEqual(entra);
    expect(parseRuntimeConfig({ ...base, entra: { ...entra, clientId: 'x' } })).toBeNull();
    expect(parseRuntimeConfig({ ...base, entra: { ...entra, apiScope: 'openid' } })).toBeNull();
  });

  test('is refused when a field is wrong', () => {
    expect(
      parseRuntimeConfig({
        mode: 'cloud',
        apiBaseUrl: 'http://x',
        devServicesUrl: null,
        extraHostOrigins: [],
      }),
    ).toBeNull();
    expect(
      parseRuntimeConfig({
        mode: 'azure',
        apiBaseUrl: 'javascript:alert(1)',
        devServicesUrl: null,
      }),
    ).toBeNull();
    expect(parseRuntimeConfig(null)).toBeNull();
  });
});

describe('"Sign in as" picker', () => {
  const person = (
    id: string,
    name: string,
    managerId: string | null,
    extra: Partial<DevUser> = {},
  ): DevUser => ({
    id,
    tenantId: 't1',
    displayName: name,
    userPrincipalName: `${id}@contoso.example`,
    jobTitle: 'Role',
    managerId,
    accountEnabled: true,
    userType: 'Member',
    ...extra,
  });
  const users = [
    person('ceo', 'Amara', null),
    person('vp', 'Sofia', 'ceo'),
    person('em', 'Tobias', 'vp'),
    person('nia', 'Nia', 'em'),
    person('off', 'Diego', 'em', { accountEnabled: false }),
    person('guest', 'Noah', 'em', { userType: 'Guest' }),
    person('claire', 'Claire', null, {
      tenantId: 't2',
      userPrincipalName: 'claire@fabrikam.example',
    }),
  ];

  test('groups people by tenant, then by manager, top-down, leaving out disabled accounts and guests', () => {
    const tenants = groupForPicker(users);
    expect(tenants.map((t) => t.label)).toEqual(['contoso.example', 'fabrikam.example']);
    expect(tenants[0].teams.map((t) => t.label)).toEqual([
      'Top of the organisation',
      'Reports to Amara',
      'Reports to Sofia',
      'Reports to Tobias',
    ]);
    expect(tenants[0].teams[3].people.map((p) => p.displayName)).toEqual(['Nia']);
  });

  test('search narrows the list', () => {
    expect(
      groupForPicker(users, 'nia').flatMap((t) =>
        t.teams.flatMap((team) => team.people.map((p) => p.id)),
      ),
    ).toEqual(['nia']);
  });
});

describe('history lines', () => {
  test('straight quotes read as the UI writes them, curly', () => {
    expect(curlyQuotes('Added the aspiration "Speak at SREcon"')).toBe(
      'Added the aspiration “Speak at SREcon”',
    );
    expect(curlyQuotes('Changed the title of "Don\'t stop"')).toBe(
      'Changed the title of “Don’t stop”',
    );
    expect(curlyQuotes('No quotes here')).toBe('No quotes here');
  });

  test('a moment in the history says the time as well as the day', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const text = formatDayAndTime('2026-11-30T14:05:00Z', now, 'en-GB');
    expect(text).toMatch(/30 November/);
    expect(text).toMatch(/\d{2}:05/);
    expect(text).not.toMatch(/2026/);
    expect(formatDayAndTime('2025-11-30T14:05:00Z', now, 'en-GB')).toMatch(/2025/);
  });
});
