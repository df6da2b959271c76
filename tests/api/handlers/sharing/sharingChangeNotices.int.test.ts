import type { AspirationView } from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration } from '../../../support/boardFixtures';
import { demoCast } from '../../../support/demoCast';
import { recordDemoPilotMembers } from '../../../support/demoPilot';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

/**
 * Issue 13: a sponsor or mentor hears in their Teams activity feed when an aspiration they follow
 * through a share changes: once a day per board however many edits, never with the aspiration's
 * words, never about an aspiration their share does not cover, and nothing after revoking.
 */

let stack: TestStack;
const { employee, tenantId } = DEMO.contoso;
let sponsor: string;
let mentor: string;

beforeAll(async () => {
  stack = await startTestStack();
  const cast = demoCast(stack.orgStore.snapshot());
  sponsor = DEMO.contoso.bigTeamManager;
  mentor = cast.bigTeamReport;
  await recordDemoPilotMembers(stack, tenantId);
});
afterAll(async () => {
  await stack.close();
});

interface SentNotice {
  recipientId: string;
  activityType: string;
  topic: { webUrl: string };
}
const changeNotices = async () => {
  const response = await fetch(`${stack.urls.dev}/dev/activity-notifications`);
  const all = (await response.json()) as SentNotice[];
  return all.filter((n) => n.activityType === 'sharedBoardChanged');
};
const rawFeed = async () => (await fetch(`${stack.urls.dev}/dev/activity-notifications`)).text();

const share = (personId: string, relationship: string, aspirationIds: string[] | null) =>
  stack.call(`/boards/${employee}/shares`, {
    as: employee,
    method: 'POST',
    body: { personId, relationship, aspirationIds },
  });
const edit = (aspiration: AspirationView, title: string) =>
  stack.call<AspirationView>(`/boards/${employee}/aspirations/${aspiration.id}`, {
    as: employee,
    method: 'PATCH',
    body: { title },
    headers: { 'If-Match': aspiration.etag },
  });
const addStep = (aspirationId: string, text: string) =>
  stack.call<AspirationView>(`/boards/${employee}/aspirations/${aspirationId}/steps`, {
    as: employee,
    method: 'POST',
    body: { text },
  });

describe('notices to sponsors and mentors when a followed aspiration changes', () => {
  it('notifies a whole-board sponsor once for two quick edits, never the mentor of another aspiration, never with board text, and nothing after revoking', async () => {
    const followed = await addAspiration(stack, employee, { title: 'Head of Quiet Payments' });
    const other = await addAspiration(stack, employee, { title: 'Relocate to Porto' });
    expect((await share(sponsor, 'sponsor', null)).status).toBe(201);
    expect((await share(mentor, 'mentor', [other.id])).status).toBe(201);
    expect(await changeNotices()).toEqual([]);

    const first = await edit(followed, 'Head of Secret Payments Team');
    expect(first.status).toBe(200);
    expect((await addStep(followed.id, 'Talk to the confidential CFO')).status).toBe(201);

    const sent = await changeNotices();
    // Two edits, one notice: the day was claimed by the first, so the second sent nothing.
    expect(sent.map((n) => n.recipientId)).toEqual([sponsor]);
    const feed = await rawFeed();
    for (const words of ['Quiet Payments', 'Secret Payments', 'confidential CFO', 'Porto'])
      expect(feed).not.toContain(words);
    // The link opens the shared board, which is read again then.
    expect(decodeURIComponent(sent[0].topic.webUrl)).toContain(
      `"subEntityId":"shared:${employee}"`,
    );

    // Revoked: nothing, even once the day's claim is moved aside (as tomorrow's first edit finds
    // it), so only the revocation can be what stops the notice.
    expect(
      (
        await stack.call(`/boards/${employee}/shares/${sponsor}`, {
          as: employee,
          method: 'DELETE',
        })
      ).status,
    ).toBe(204);
    await fetch(`${stack.urls.dev}/dev/activity-notifications`, { method: 'DELETE' });
    await stack.services.sharing.claimChangeNotice(tenantId, employee, sponsor, '2000-01-01');
    expect((await addStep(followed.id, 'Another step')).status).toBe(201);
    expect(await changeNotices()).toEqual([]);
  });

  it('claims each follower’s day once: a repeat the same day is refused, the next day is new', async () => {
    const { sharing } = stack.services;
    const viewer = mentor;
    expect(await sharing.claimChangeNotice(tenantId, employee, viewer, '2031-03-01')).toBe(true);
    expect(await sharing.claimChangeNotice(tenantId, employee, viewer, '2031-03-01')).toBe(false);
    const racing = await Promise.all([
      sharing.claimChangeNotice(tenantId, employee, viewer, '2031-03-02'),
      sharing.claimChangeNotice(tenantId, employee, viewer, '2031-03-02'),
    ]);
    expect(racing.filter(Boolean)).toHaveLength(1);
  });

  it('a mentor whose share covers the changed aspiration is told; a deleted aspiration tells nobody', async () => {
    const board = await stack.call<{ aspirations: AspirationView[] }>(`/boards/${employee}`, {
      as: employee,
    });
    const other = board.body.aspirations.find((a) => a.title === 'Relocate to Porto')!;
    await fetch(`${stack.urls.dev}/dev/activity-notifications`, { method: 'DELETE' });
    expect((await edit(other, 'Relocate to Braga')).status).toBe(200);
    expect((await changeNotices()).map((n) => n.recipientId)).toEqual([mentor]);

    await fetch(`${stack.urls.dev}/dev/activity-notifications`, { method: 'DELETE' });
    await stack.services.sharing.claimChangeNotice(tenantId, employee, mentor, '2000-01-01');
    const current = (
      await stack.call<{ aspirations: AspirationView[] }>(`/boards/${employee}`, { as: employee })
    ).body.aspirations.find((a) => a.id === other.id)!;
    const deleted = await stack.call(`/boards/${employee}/aspirations/${other.id}`, {
      as: employee,
      method: 'DELETE',
      headers: { 'If-Match': current.etag },
    });
    expect(deleted.status).toBe(204);
    expect((await addStep(other.id, 'Too late')).status).toBe(404);
    expect(await changeNotices()).toEqual([]);
  });

  it('erasing a follower removes the claims naming them from the boards they followed', async () => {
    const claims = async () =>
      (await stack.services.sharing.listPartition(tenantId, employee)).filter(
        (d) => d.type === 'change-notice' && d.viewerId === mentor,
      );
    expect(await claims()).toHaveLength(1);
    await stack.services.sharing.erasePerson(tenantId, mentor);
    expect(await claims()).toEqual([]);
  });
});
