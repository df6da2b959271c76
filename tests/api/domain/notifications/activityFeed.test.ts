import {
  aspirationAcknowledgedNotification,
  boardUpdateReminderNotification,
  chainIdFor,
  conversationBookedNotification,
  formatWhen,
  newDirectReportNotification,
  personalTabLink,
  PREVIEW_LIMIT,
  reminderDue,
} from '../../../../api/src/domain/notifications/activityFeed';

/** The words and links of activity-feed notifications: names and dates, never board content. */

const links = {
  appId: '00000000-0000-4000-8000-00000000b0a4',
  tabPublicUrl: 'https://tab.example/',
};
const nia = { id: 'nia-id', displayName: 'Nia Adeyemi' };
const tobias = { id: 'tobias-id', displayName: 'Tobias Becker' };
const DAY = 86_400_000;

describe('formatWhen', () => {
  it('reads the start on the recipient’s own clock and names the zone', () => {
    const start = '2027-01-26T09:00:00.000Z';
    expect(formatWhen(start, 'Europe/Berlin')).toBe(
      'Tuesday 26 January 2027 at 10:00 (Europe/Berlin)',
    );
    expect(formatWhen(start, 'America/Los_Angeles')).toBe(
      'Tuesday 26 January 2027 at 01:00 (America/Los_Angeles)',
    );
    expect(formatWhen(start, 'Asia/Kolkata')).toBe(
      'Tuesday 26 January 2027 at 14:30 (Asia/Kolkata)',
    );
  });

  it('crosses midnight into the recipient’s next day, and follows daylight saving', () => {
    expect(formatWhen('2027-01-26T23:30:00.000Z', 'Asia/Kolkata')).toBe(
      'Wednesday 27 January 2027 at 05:00 (Asia/Kolkata)',
    );
    expect(formatWhen('2027-07-06T09:00:00.000Z', 'Europe/Berlin')).toBe(
      'Tuesday 6 July 2027 at 11:00 (Europe/Berlin)',
    );
  });

  it('accepts the Windows zone names calendars give, and reads an unknown or missing zone as UTC', () => {
    expect(formatWhen('2027-01-26T09:00:00.000Z', 'W. Europe Standard Time')).toBe(
      'Tuesday 26 January 2027 at 10:00 (Europe/Berlin)',
    );
    expect(formatWhen('2027-01-26T09:00:00.000Z', 'Mars/Olympus')).toBe(
      'Tuesday 26 January 2027 at 09:00 (UTC)',
    );
    expect(formatWhen('2027-01-26T09:00:00.000Z', null)).toBe(
      'Tuesday 26 January 2027 at 09:00 (UTC)',
    );
  });
});

describe('deep links', () => {
  it('open a personal tab by the app id and entity id, falling back to the tab’s own page', () => {
    const link = new URL(personalTabLink(links, 'board'));
    expect(`${link.origin}${link.pathname}`).toBe(
      `https://teams.microsoft.com/l/entity/${links.appId}/board`,
    );
    expect(link.searchParams.get('webUrl')).toBe('https://tab.example/#/board');
    expect(link.searchParams.get('label')).toBe('My board');
    expect(link.searchParams.has('context')).toBe(false);
  });

  it('carry the person the notification is about as the tab’s sub-entity', () => {
    const link = new URL(
      personalTabLink({ ...links, tabPublicUrl: 'https://tab.example' }, 'team', nia.id),
    );
    expect(link.pathname).toBe(`/l/entity/${links.appId}/team`);
    expect(link.searchParams.get('webUrl')).toBe('https://tab.example/#/team');
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: nia.id });
  });
});

describe('chain ids', () => {
  it('are the same for the same key, different for another, and safe integers', () => {
    expect(chainIdFor('a')).toBe(chainIdFor('a'));
    expect(chainIdFor('a')).not.toBe(chainIdFor('b'));
    for (const key of ['a', 'b', 'conversationBooked|x|y']) {
      expect(Number.isSafeInteger(chainIdFor(key))).toBe(true);
      expect(chainIdFor(key)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('the notifications', () => {
  it('an acknowledgement names the manager, not the aspiration', () => {
    const n = aspirationAcknowledgedNotification({
      employeeId: nia.id,
      managerName: tobias.displayName,
      aspirationId: 'asp-1',
      links,
    });
    expect(n).toMatchObject({
      recipientId: nia.id,
      activityType: 'aspirationAcknowledged',
      templateParameters: [],
      previewText: 'Tobias Becker acknowledged an aspiration on your board.',
    });
    expect(n.topic.webUrl).toContain('/board?');
    expect(JSON.stringify(n)).not.toContain('asp-1');
  });

  it('a booking tells each person their own local time and links them to their own tab', () => {
    const common = {
      employee: nia,
      manager: tobias,
      start: '2027-01-26T09:00:00.000Z',
      conversationKey: 'pk|2027-Q1-tobias-id',
      links,
    };
    const toNia = conversationBookedNotification({
      ...common,
      to: 'employee',
      timeZone: 'Europe/Berlin',
    });
    const toTobias = conversationBookedNotification({
      ...common,
      to: 'manager',
      timeZone: 'America/New_York',
    });
    expect(toNia).toMatchObject({
      recipientId: nia.id,
      activityType: 'conversationBooked',
      topic: { value: 'Career conversation with Tobias Becker' },
      templateParameters: [
        { name: 'when', value: 'Tuesday 26 January 2027 at 10:00 (Europe/Berlin)' },
      ],
    });
    expect(toTobias).toMatchObject({
      recipientId: tobias.id,
      topic: { value: 'Career conversation with Nia Adeyemi' },
      templateParameters: [
        { name: 'when', value: 'Tuesday 26 January 2027 at 04:00 (America/New_York)' },
      ],
    });
    expect(toNia.topic.webUrl).toContain('/board?');
    expect(toTobias.topic.webUrl).toContain('/team?');
    // A rebooking of the same conversation replaces its notice; the two people's are apart.
    expect(
      conversationBookedNotification({
        ...common,
        to: 'employee',
        timeZone: 'UTC',
        start: '2027-02-02T09:00:00.000Z',
      }).chainId,
    ).toBe(toNia.chainId);
    expect(toTobias.chainId).not.toBe(toNia.chainId);
  });

  it('a booking tells both people where the board is in the meeting, first, so no cut loses it', () => {
    for (const to of ['employee', 'manager'] as const) {
      const { previewText } = conversationBookedNotification({
        to,
        employee: { id: 'e', displayName: 'Maximiliane Oberhauser-Lindqvist' },
        manager: { id: 'm', displayName: 'Bartholomew Featherstonehaugh' },
        // The longest weekday, month and zone name a booking can show.
        start: '2027-09-22T16:00:00.000Z',
        timeZone: 'America/Argentina/ComodRivadavia',
        conversationKey: 'k',
        links,
      });
      expect(previewText).toMatch(/^In the meeting, open Career Board with \+ in its tabs\. With /);
      expect(previewText.length).toBeLessThanOrEqual(PREVIEW_LIMIT);
    }
  });

  it('the reminder goes to the employee with the date; the new-manager notice names the employee', () => {
    const reminder = boardUpdateReminderNotification({
      employee: nia,
      manager: tobias,
      start: '2027-01-26T09:00:00.000Z',
      timeZone: 'Europe/Berlin',
      conversationKey: 'k',
      links,
    });
    expect(reminder).toMatchObject({
      recipientId: nia.id,
      activityType: 'boardUpdateReminder',
      templateParameters: [
        { name: 'when', value: 'Tuesday 26 January 2027 at 10:00 (Europe/Berlin)' },
      ],
    });
    const moved = newDirectReportNotification({
      managerId: tobias.id,
      employee: nia,
      changeKey: 'c',
      links,
    });
    expect(moved).toMatchObject({
      recipientId: tobias.id,
      activityType: 'newDirectReport',
      templateParameters: [{ name: 'employee', value: 'Nia Adeyemi' }],
    });
    expect(moved.topic.webUrl).toContain('/team?');
  });

  it('previews are cut to what Teams shows', () => {
    const long = { id: 'x', displayName: 'A'.repeat(200) };
    const n = conversationBookedNotification({
      to: 'employee',
      employee: nia,
      manager: long,
      start: '2027-01-26T09:00:00.000Z',
      timeZone: 'UTC',
      conversationKey: 'k',
      links,
    });
    expect(n.previewText.length).toBe(PREVIEW_LIMIT);
    expect(n.previewText.endsWith('…')).toBe(true);
  });
});

describe('reminderDue', () => {
  const now = new Date('2027-01-19T06:00:00.000Z');
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const scheduled = (start: string, extra = {}) => ({
    status: 'scheduled' as const,
    start,
    attempt: 1,
    ...extra,
  });

  it('is due within the window, and not before it or once the conversation has started', () => {
    expect(reminderDue(scheduled(at(3 * DAY)), now, 3)).toBe(true);
    expect(reminderDue(scheduled(at(2 * DAY)), now, 3)).toBe(true);
    expect(reminderDue(scheduled(at(3 * DAY + 1)), now, 3)).toBe(false);
    expect(reminderDue(scheduled(at(0)), now, 3)).toBe(false);
    expect(reminderDue(scheduled(at(-DAY)), now, 3)).toBe(false);
  });

  it('is sent once per booking: a rebooking (a new attempt) may be reminded again', () => {
    const reminded = { notices: { reminder: { attempt: 1, at: now.toISOString() } } };
    expect(reminderDue(scheduled(at(DAY), reminded), now, 3)).toBe(false);
    expect(reminderDue(scheduled(at(DAY), { ...reminded, attempt: 2 }), now, 3)).toBe(true);
  });

  it('is only for booked conversations', () => {
    expect(reminderDue({ ...scheduled(at(DAY)), status: 'pending' }, now, 3)).toBe(false);
    expect(reminderDue({ status: 'scheduled', start: null, attempt: 1 }, now, 3)).toBe(false);
  });
});
