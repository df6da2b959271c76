import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { DEFAULT_TENANT_SETTINGS } from '../../../api/src/contract/settingsContract';
import type { AdoptionView } from '../../../api/src/contract/adoptionContract';
import type {
  TenantSettingsInput,
  TenantSettingsView,
} from '../../../api/src/contract/settingsContract';
import { ApiProblem } from '../../../tabs/src/api/apiProblem';
import {
  formFromSettings,
  savedNowHints,
  validateSettings,
} from '../../../tabs/src/settings/settingsForm';
import { SettingsPage } from '../../../tabs/src/settings/SettingsPage';
import { aMe } from '../fixtures';
import { fakeApi, renderWithSession } from '../renderWithSession';

const saved: TenantSettingsView = {
  ...DEFAULT_TENANT_SETTINGS,
  etag: '"s1"',
  updatedAt: '2026-11-20T09:30:00.000Z',
  updatedBy: { id: 'fatima', displayName: 'Fatima Al-Sayed' },
};
const PILOT = { id: '0b6a4d1e-2f3c-4a5b-8c7d-9e0f1a2b3c4d', displayName: 'Career Board pilot' };
const admin = aMe({ isAdmin: true, displayName: 'Yuki Tanaka' });

describe('settings rules, from the API’s own schema', () => {
  test('the defaults round-trip through the form unchanged', () => {
    const checked = validateSettings(formFromSettings(DEFAULT_TENANT_SETTINGS));
    expect(checked).toEqual({ ok: true, value: DEFAULT_TENANT_SETTINGS });
  });

  test('a saved retention for leavers survives a save of the form, and its range is enforced', () => {
    const mine = { ...DEFAULT_TENANT_SETTINGS, leaverRetentionDays: 90 };
    const checked = validateSettings(formFromSettings(mine));
    expect(checked.ok && checked.value.leaverRetentionDays).toBe(90);
    const form = formFromSettings(mine);
    for (const [typed, message] of [
      ['3', "Keep a leaver's data at least 7 days."],
      ['400', "Keep a leaver's data at most 365 days."],
      ['', 'Enter a whole number.'],
    ]) {
      const result = validateSettings({ ...form, leaverRetentionDays: typed });
      expect(result.ok ? {} : result.errors).toEqual({ leaverRetentionDays: message });
    }
  });

  test('stretch limits and days off round-trip, and a bad one is named at its list', () => {
    const mine = {
      ...DEFAULT_TENANT_SETTINGS,
      stretch: { enabled: false, earliest: '07:00', latest: '21:00' },
      nonWorkingDates: {
        everyone: ['12-25', '2027-04-02'],
        byOffice: [{ office: 'Berlin', dates: ['2027-10-03', '12-24'] }],
      },
    };
    const form = formFromSettings(mine);
    expect(form.officeDaysOff).toBe('Berlin: 2027-10-03, 12-24');
    expect(validateSettings(form)).toEqual({ ok: true, value: mine });
    const errors = (overrides: Partial<typeof form>) => {
      const checked = validateSettings({ ...form, ...overrides });
      return checked.ok ? {} : checked.errors;
    };
    expect(errors({ daysOff: '12-25, 2027-02-30' })).toEqual({
      'nonWorkingDates.everyone':
        'Use a date like 2027-04-02, or 12-25 for the same day every year.',
    });
    expect(errors({ officeDaysOff: 'Berlin 2027-10-03' })).toEqual({
      'nonWorkingDates.byOffice': 'Write one office a line, such as "Berlin: 2027-10-03, 12-24".',
    });
    expect(errors({ stretchEarliest: '21:00', stretchLatest: '07:00' })).toEqual({
      stretch: 'The earliest time must come before the latest.',
    });
  });

  test('each bad value is named at its field, in words a person can act on', () => {
    const form = formFromSettings(DEFAULT_TENANT_SETTINGS);
    const errors = (overrides: Partial<typeof form>) => {
      const checked = validateSettings({ ...form, ...overrides });
      return checked.ok ? {} : checked.errors;
    };
    expect(errors({ durationMinutes: '' })).toEqual({ durationMinutes: 'Enter a whole number.' });
    expect(errors({ durationMinutes: '200' })).toEqual({ durationMinutes: 'At most 120 minutes.' });
    expect(errors({ dailyCap: '0' })).toEqual({ dailyCap: 'At least 1 a day.' });
    expect(errors({ startWeek: '0' })).toEqual({
      'window.startWeek': 'A quarter has weeks 1 to 13.',
    });
    expect(errors({ startWeek: '8', endWeek: '3' })).toEqual({
      window: 'The window must start before it ends.',
    });
    expect(errors({ days: [] })).toEqual({
      'workingHoursFallback.daysOfWeek': 'Pick at least one working day.',
    });
    expect(errors({ startTime: '18:00', endTime: '09:00' })).toEqual({
      workingHoursFallback: 'Working hours must start before they end.',
    });
    expect(errors({ timeZone: '+01:00' })).toEqual({
      'workingHoursFallback.timeZone': 'Use an IANA time zone such as Europe/Berlin or UTC.',
    });
    expect(errors({ pilotGroup: { id: 'Career Board pilot', displayName: 'Pilot' } })).toEqual({
      'pilot.group.id': 'Choose a group from the search: its id is a GUID.',
    });
  });

  test('a pilot is the group chosen, and none by default', () => {
    expect(formFromSettings(DEFAULT_TENANT_SETTINGS).pilotGroup).toBeNull();
    const checked = validateSettings({
      ...formFromSettings(DEFAULT_TENANT_SETTINGS),
      pilotGroup: { id: PILOT.id, displayName: ' Career Board pilot ' },
    });
    expect(checked.ok && checked.value.pilot).toEqual({ group: PILOT });
  });

  test('after a conflict, only the fields that differ say what is saved now', () => {
    const mine = { ...formFromSettings(DEFAULT_TENANT_SETTINGS), durationMinutes: '45' };
    const theirs = { ...DEFAULT_TENANT_SETTINGS, durationMinutes: 60, dailyCap: 3 };
    expect(savedNowHints(mine, theirs)).toEqual({ durationMinutes: '60' });
  });
});

const figures = (people: number, withAspirations: number, acknowledged: number) => ({
  people,
  withAspirations,
  acknowledged,
  aspirations: { total: withAspirations * 2, acknowledged },
  conversations: { booked: 5, held: 5, needsAttention: 0, notYetBooked: people - 10 },
});
// As the API publishes them: every count a multiple of 5, rounded up or down at random.
const adoption: AdoptionView = {
  quarter: '2027-Q1',
  asOf: '2027-01-19T06:00:00.000Z',
  orgChartSyncedAt: '2027-01-19T06:00:00.000Z',
  minimumGroupSize: 5,
  roundingBase: 5,
  withheld: null,
  total: figures(40, 15, 5),
  departments: [
    { department: 'Engineering', ...figures(25, 15, 5) },
    { department: null, ...figures(15, 0, 0) },
  ],
};

describe('adoption on the settings screen', () => {
  test('shows rounded shares of people, per department, with small groups named as such', async () => {
    renderWithSession(<SettingsPage />, {
      api: fakeApi({ settings: async () => saved, adoption: async () => adoption }),
      me: admin,
    });
    const panel = await screen.findByRole('region', { name: 'Adoption' });
    expect(await within(panel).findByText('about 15 of 40 (38%)')).toBeTruthy();
    expect(within(panel).getByText('about 40')).toBeTruthy();
    expect(within(panel).getByText('about 5 of 40 (13%)')).toBeTruthy();
    expect(within(panel).getByText('about 10 of 40 (25%)')).toBeTruthy();
    expect(
      within(panel).getByText(
        'about 5 held, about 5 booked, fewer than 5 need attention, about 30 not booked yet.',
      ),
    ).toBeTruthy();
    expect(
      within(panel).getByText(/every count is rounded up or down to a multiple of 5/),
    ).toBeTruthy();
    const table = within(panel).getByRole('table', { name: 'Adoption by department' });
    expect(within(table).getByText('Engineering')).toBeTruthy();
    expect(within(table).getByText('Smaller groups together')).toBeTruthy();
    // A rounded 0 is "fewer than 5", never a bare 0 that would read as "nobody".
    expect(within(table).getAllByText('fewer than 5 of 15')).toHaveLength(2);
    expect(within(table).queryByText(/^0/)).toBeNull();
  });

  test('with too few people in scope, says no figures are shown and why', async () => {
    renderWithSession(<SettingsPage />, {
      api: fakeApi({
        settings: async () => saved,
        adoption: async () => ({
          ...adoption,
          withheld: 'fewer-than-minimum' as const,
          total: null,
          departments: [],
        }),
      }),
      me: admin,
    });
    const panel = await screen.findByRole('region', { name: 'Adoption' });
    expect(await within(panel).findByText(/^Fewer than 5 people are in scope/)).toBeTruthy();
    expect(within(panel).queryByRole('table')).toBeNull();
  });

  test('before the first scheduling run, says when figures will come', async () => {
    renderWithSession(<SettingsPage />, {
      api: fakeApi({
        settings: async () => saved,
        adoption: async () => ({ ...adoption, orgChartSyncedAt: null, departments: [] }),
      }),
      me: admin,
    });
    expect(
      await screen.findByText(/No figures yet: Career Board reads your org chart/),
    ).toBeTruthy();
  });

  test('a failure says so inside the panel and offers to try again; the settings still load', async () => {
    const call = jest
      .fn()
      .mockRejectedValueOnce(
        new ApiProblem(503, 'Service Unavailable', 'Cosmos DB is unreachable.'),
      )
      .mockResolvedValueOnce(adoption);
    renderWithSession(<SettingsPage />, {
      api: fakeApi({ settings: async () => saved, adoption: call }),
      me: admin,
    });
    const panel = await screen.findByRole('region', { name: 'Adoption' });
    expect(await within(panel).findByText(/^Adoption figures not loaded/)).toBeTruthy();
    expect(await screen.findByRole('spinbutton', { name: /Meeting length/ })).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: /Try again/ }));
    expect(await within(panel).findByText('about 15 of 40 (38%)')).toBeTruthy();
  });
});

describe('the settings screen', () => {
  test('an admin changes the meeting length and saves with the ETag it was made from', async () => {
    const saveSettings = jest.fn(async (input: unknown) => ({
      ...saved,
      ...(input as object),
      etag: '"s2"',
    }));
    renderWithSession(<SettingsPage />, {
      api: fakeApi({ settings: async () => saved, saveSettings, adoption: async () => adoption }),
      me: admin,
    });
    const length = await screen.findByRole('spinbutton', { name: /Meeting length/ });
    expect(screen.getByText(/^Last saved by Fatima Al-Sayed, .*20/)).toBeTruthy();
    fireEvent.change(length, { target: { value: '200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('At most 120 minutes.')).toBeTruthy();
    expect(saveSettings).not.toHaveBeenCalled();

    fireEvent.change(length, { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(saveSettings).toHaveBeenCalledWith(
        expect.objectContaining({ durationMinutes: 45 }),
        '"s1"',
      ),
    );
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  test('412 “changed elsewhere” keeps the edits, loads the latest, shows the difference, and saves on top', async () => {
    const latest: TenantSettingsView = { ...saved, dailyCap: 5, etag: '"s2"' };
    const saveSettings = jest
      .fn()
      .mockRejectedValueOnce(new ApiProblem(412, 'Precondition Failed', 'The settings changed.'))
      .mockResolvedValueOnce({ ...latest, dailyCap: 2, etag: '"s3"' });
    const settings = jest.fn().mockResolvedValueOnce(saved).mockResolvedValueOnce(latest);
    renderWithSession(<SettingsPage />, {
      api: fakeApi({ settings, saveSettings, adoption: async () => adoption }),
      me: admin,
    });
    const cap = await screen.findByRole('spinbutton', { name: /Most conversations/ });
    fireEvent.change(cap, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Changed elsewhere')).toBeTruthy();
    expect((cap as HTMLInputElement).value).toBe('2');
    fireEvent.click(within(alert).getByRole('button', { name: 'Load latest version' }));
    expect(await screen.findByText('Saved now: 5')).toBeTruthy();
    expect((cap as HTMLInputElement).value).toBe('2');

    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ dailyCap: 2 }),
        '"s2"',
      ),
    );
  });

  test('someone who is not an admin is told so, and the API is not asked', async () => {
    const settings = jest.fn();
    const adoptionCall = jest.fn();
    renderWithSession(<SettingsPage />, {
      api: fakeApi({ settings, adoption: adoptionCall }),
      me: aMe(),
    });
    expect(
      await screen.findByRole('heading', { name: 'Settings are for Career Board admins' }),
    ).toBeTruthy();
    expect(settings).not.toHaveBeenCalled();
    expect(adoptionCall).not.toHaveBeenCalled();
  });
});

describe('the pilot group on the settings screen', () => {
  test('with no pilot chosen, says nobody is booked; with one, says which', async () => {
    const first = renderWithSession(<SettingsPage />, {
      api: fakeApi({ settings: async () => saved, adoption: async () => adoption }),
      me: admin,
    });
    expect(
      await screen.findByText(
        'Choose the pilot group: until then Career Board books no conversations',
      ),
    ).toBeTruthy();
    expect(screen.getByText('None chosen')).toBeTruthy();
    first.unmount();

    renderWithSession(<SettingsPage />, {
      api: fakeApi({
        settings: async () => ({ ...saved, pilot: { group: PILOT } }),
        adoption: async () => adoption,
      }),
      me: admin,
    });
    expect(await screen.findByText('Career Board pilot')).toBeTruthy();
    expect(screen.queryByText(/until then Career Board books no conversations/)).toBeNull();
  });

  test('finds groups by name, and saves the one picked', async () => {
    const searchPilotGroups = jest.fn(async (text: string) => (text === 'Car' ? [PILOT] : []));
    const saveSettings = jest.fn(async (settings: TenantSettingsInput) => ({
      ...saved,
      ...(settings as typeof DEFAULT_TENANT_SETTINGS),
      etag: '"s2"',
    }));
    renderWithSession(<SettingsPage />, {
      api: fakeApi({
        settings: async () => saved,
        adoption: async () => adoption,
        searchPilotGroups,
        saveSettings,
      }),
      me: admin,
    });
    const search = await screen.findByRole('searchbox', {
      name: 'Find a group by the start of its name',
    });
    fireEvent.change(search, { target: { value: 'Nobody' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No security group’s name starts with “Nobody”.')).toBeTruthy();

    fireEvent.change(search, { target: { value: 'Car' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('button', { name: 'Choose Career Board pilot' }));
    expect(searchPilotGroups).toHaveBeenCalledWith('Car');
    expect(saveSettings).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /^Save/ }));
    await waitFor(() => expect(saveSettings).toHaveBeenCalledTimes(1));
    expect(saveSettings.mock.calls[0]![0].pilot).toEqual({ group: PILOT });
    // Saved, the warning goes: it speaks of the pilot in force.
    await waitFor(() =>
      expect(screen.queryByText(/until then Career Board books no conversations/)).toBeNull(),
    );
  });
});
