import type { TenantSettingsView } from '../../../../api/src/contract/settingsContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

let stack: TestStack;
// Fabrikam: the demo tenant whose settings start unsaved, as on a fresh deployment (Contoso's
// local stack is seeded with its pilot group chosen). Claire Dubois is its admin.
const { manager: admin } = DEMO.fabrikam;
const PILOT = { id: '0b6a4d1e-2f3c-4a5b-8c7d-9e0f1a2b3c4d', displayName: 'Career Board pilot' };

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

describe('tenant settings', () => {
  it('start from the defaults: quarterly, 30 minutes, weeks 2–6, 3 a day, no pilot group', async () => {
    const result = await stack.call<TenantSettingsView>('/settings', { as: admin });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      cadence: 'quarterly',
      durationMinutes: 30,
      window: { startWeek: 2, endWeek: 6 },
      dailyCap: 3,
      pilot: { group: null },
      etag: null,
    });
  });

  it('an admin saves them the first time without an ETag (there is none yet)', async () => {
    const saved = await stack.call<TenantSettingsView>('/settings', {
      as: admin,
      method: 'PUT',
      body: {
        durationMinutes: 45,
        dailyCap: 2,
        pilot: { group: PILOT },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      durationMinutes: 45,
      dailyCap: 2,
      pilot: { group: PILOT },
      updatedBy: { id: admin },
    });
    expect(saved.headers.get('etag')).toBe(saved.body.etag);
  });

  it('once saved, a change needs the ETag: missing is 428, stale is 412, and nothing changes', async () => {
    const etag = (await stack.call<TenantSettingsView>('/settings', { as: admin })).body.etag!;
    const missing = await stack.call('/settings', {
      as: admin,
      method: 'PUT',
      body: { dailyCap: 7 },
    });
    expect(missing.status).toBe(428);
    expect(missing.contentType).toContain('application/problem+json');
    expect((await stack.call<TenantSettingsView>('/settings', { as: admin })).body.dailyCap).toBe(
      2,
    );
    const again = await stack.call<TenantSettingsView>('/settings', {
      as: admin,
      method: 'PUT',
      body: { dailyCap: 4 },
      headers: { 'If-Match': etag },
    });
    expect(again.status).toBe(200);
    const stale = await stack.call('/settings', {
      as: admin,
      method: 'PUT',
      body: { dailyCap: 9 },
      headers: { 'If-Match': etag },
    });
    expect(stale.status).toBe(412);
    expect((await stack.call<TenantSettingsView>('/settings', { as: admin })).body.dailyCap).toBe(
      4,
    );
  });

  it('the fallback time zone must be an IANA zone the runtime knows', async () => {
    const before = await stack.call<TenantSettingsView>('/settings', { as: admin });
    const fallback = (timeZone: string) => ({
      daysOfWeek: ['monday'],
      startTime: '09:00',
      endTime: '17:00',
      timeZone,
    });
    for (const timeZone of ['Mars/Olympus', '+01:00', 'Pacific Standard Time', 'Europe/']) {
      const refused = await stack.call<{ errors: { path: string; message: string }[] }>(
        '/settings',
        {
          as: admin,
          method: 'PUT',
          body: { workingHoursFallback: fallback(timeZone) },
          headers: { 'If-Match': before.body.etag! },
        },
      );
      expect({ timeZone, status: refused.status }).toEqual({ timeZone, status: 400 });
      expect(refused.body.errors.map((e) => e.path)).toEqual(['workingHoursFallback.timeZone']);
    }
    expect((await stack.call<TenantSettingsView>('/settings', { as: admin })).body).toEqual(
      before.body,
    );
    const accepted = await stack.call<TenantSettingsView>('/settings', {
      as: admin,
      method: 'PUT',
      body: { workingHoursFallback: fallback('Asia/Kolkata') },
      headers: { 'If-Match': before.body.etag! },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.workingHoursFallback.timeZone).toBe('Asia/Kolkata');
  });

  it('bad settings are refused field by field', async () => {
    const result = await stack.call<{ errors: { path: string }[] }>('/settings', {
      as: admin,
      method: 'PUT',
      body: {
        durationMinutes: 5,
        window: { startWeek: 6, endWeek: 2 },
        pilot: { group: { id: 'Career Board pilot', displayName: '' } },
      },
    });
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e) => e.path).sort()).toEqual([
      'durationMinutes',
      'pilot.group.displayName',
      'pilot.group.id',
      'window',
    ]);
  });

  it('stretch limits and non-working dates: defaults a reasonable admin would pick, bad ones refused with what to fix', async () => {
    const before = await stack.call<TenantSettingsView>('/settings', { as: admin });
    expect(before.body.stretch).toEqual({ enabled: true, earliest: '07:30', latest: '20:00' });
    expect(before.body.nonWorkingDates.everyone).toEqual(
      expect.arrayContaining(['12-24', '12-25', '01-01']),
    );
    const refused = await stack.call<{ errors: { path: string; message: string }[] }>('/settings', {
      as: admin,
      method: 'PUT',
      body: {
        stretch: { enabled: true, earliest: '21:00', latest: '7:00' },
        nonWorkingDates: {
          everyone: ['2027-02-30', '12-25', '12-25'],
          byOffice: [{ office: ' ', dates: [] }],
        },
      },
      headers: { 'If-Match': before.body.etag! },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e) => e.path).sort()).toEqual([
      'nonWorkingDates.byOffice.0.dates',
      'nonWorkingDates.byOffice.0.office',
      'nonWorkingDates.everyone',
      'nonWorkingDates.everyone.0',
      'stretch.latest',
    ]);
    expect(
      refused.body.errors.find((e) => e.path === 'nonWorkingDates.everyone.0')?.message,
    ).toMatch(/2027-04-02.*12-25/);
    expect((await stack.call<TenantSettingsView>('/settings', { as: admin })).body).toEqual(
      before.body,
    );
    const saved = await stack.call<TenantSettingsView>('/settings', {
      as: admin,
      method: 'PUT',
      body: {
        stretch: { enabled: false, earliest: '07:00', latest: '21:00' },
        nonWorkingDates: {
          everyone: ['12-25', '2027-04-02'],
          byOffice: [{ office: 'Bengaluru', dates: ['01-26'] }],
        },
      },
      headers: { 'If-Match': before.body.etag! },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      stretch: { enabled: false, earliest: '07:00', latest: '21:00' },
      nonWorkingDates: { byOffice: [{ office: 'Bengaluru', dates: ['01-26'] }] },
    });
  });

  it('people without the Admin role are refused, managers included', async () => {
    const result = await stack.call<{ detail: string }>('/settings', { as: DEMO.contoso.manager });
    expect(result.status).toBe(403);
    expect(result.body.detail).toMatch(/Admin role/);
  });
});
