import type { AdoptionView } from '../../../../api/src/contract/adoptionContract';
import type { BoardView } from '../../../../api/src/contract/boardContract';
import type {
  AdviceThreadView,
  PeopleSearchView,
  SharedBoardView,
  SharedWithMeView,
  SharesView,
} from '../../../../api/src/contract/sharingContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { runSchedulePass } from '../../../../api/src/scheduler/schedulePass';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { demoCast } from '../../../support/demoCast';
import { recordDemoPilotMembers } from '../../../support/demoPilot';
import { startTestStack } from '../../../support/testStack';
import type { ApiResult, TestStack } from '../../../support/testStack';

/**
 * Sharing beyond the manager (issue 13): the employee chooses who sees what, a share or a question
 * grants exactly that and nothing else, revoking and deleting take effect on the very next request,
 * and every bad share is a 4xx problem+json with nothing changed.
 */

let stack: TestStack;
const { employee, manager, tenantId } = DEMO.contoso;
let sponsor: string;
let mentor: string;
let asked: string;

beforeAll(async () => {
  stack = await startTestStack();
  const cast = demoCast(stack.orgStore.snapshot());
  sponsor = DEMO.contoso.bigTeamManager;
  mentor = cast.bigTeamReport;
  asked = cast.bigTeamReport2;
  await recordDemoPilotMembers(stack, tenantId);
});
afterAll(async () => {
  await stack.close();
});

const share = (body: unknown, as = employee) =>
  stack.call(`/boards/${employee}/shares`, { as, method: 'POST', body });
const revoke = (personId: string) =>
  stack.call(`/boards/${employee}/shares/${personId}`, { as: employee, method: 'DELETE' });
const shares = async () =>
  (await stack.call<SharesView>(`/boards/${employee}/shares`, { as: employee })).body;
const sharedAs = (as: string) => stack.call<SharedBoardView>(`/boards/${employee}/shared`, { as });
const ask = (aspirationId: string, personId: string, question = 'What would you need to see?') =>
  stack.call<AdviceThreadView>(`/boards/${employee}/aspirations/${aspirationId}/advice`, {
    as: employee,
    method: 'POST',
    body: { personId, question },
  });
const reply = (aspirationId: string, personId: string, as: string, text: string) =>
  stack.call<AdviceThreadView>(
    `/boards/${employee}/aspirations/${aspirationId}/advice/${personId}/replies`,
    { as, method: 'POST', body: { text } },
  );
const notices = async (type: string) => {
  const response = await fetch(`${stack.urls.dev}/dev/activity-notifications`);
  return ((await response.json()) as { recipientId: string; activityType: string }[]).filter(
    (n) => n.activityType === type,
  );
};

function expectProblem(result: ApiResult, status: number) {
  expect(result.status).toBe(status);
  expect(result.contentType).toContain('application/problem+json');
}

describe('sharing a board with a sponsor', () => {
  it('the sponsor sees the shared aspirations, never comments or notes, and revoking ends it on the very next request', async () => {
    const shared = await addAspiration(stack, employee, { title: 'Team lead for Payments' });
    const kept = await addAspiration(stack, employee, { title: 'Move to Lisbon, privately' });
    await stack.call(`/boards/${employee}/aspirations/${shared.id}/comments`, {
      as: manager,
      method: 'POST',
      body: { text: 'Between us: the budget is frozen' },
    });
    await stack.call(`/boards/${employee}/notes`, {
      as: employee,
      method: 'PUT',
      body: { text: 'My private worry' },
    });

    const created = await share({
      personId: sponsor,
      relationship: 'sponsor',
      aspirationIds: [shared.id],
    });
    expect(created.status).toBe(201);
    expect((await notices('boardShared')).map((n) => n.recipientId)).toContain(sponsor);

    const seen = await sharedAs(sponsor);
    expect(seen.status).toBe(200);
    expect(seen.body.access).toBe('sponsor');
    expect(seen.body.aspirations.map((a) => a.title)).toEqual(['Team lead for Payments']);
    const everything = JSON.stringify(seen.body);
    expect(everything).not.toContain('budget is frozen');
    expect(everything).not.toContain('private worry');
    expect(everything).not.toContain(kept.id);
    // A sponsor reads what was shared, never the whole board, and cannot edit or acknowledge.
    expect((await stack.call(`/boards/${employee}`, { as: sponsor })).status).toBe(403);
    expect(
      (
        await stack.call(`/boards/${employee}/aspirations/${shared.id}`, {
          as: sponsor,
          method: 'PATCH',
          body: { title: 'x' },
          headers: { 'If-Match': shared.etag },
        })
      ).status,
    ).toBe(403);

    const list = await stack.call<SharedWithMeView>('/shared-with-me', { as: sponsor });
    expect(list.body.boards.map((b) => [b.employee.id, b.access])).toEqual([[employee, 'sponsor']]);
    expect((await shares()).shares.map((s) => [s.person.id, s.aspirationIds])).toEqual([
      [sponsor, [shared.id]],
    ]);

    // The sponsor comments: it starts their thread with the employee, who answers.
    expect((await reply(shared.id, sponsor, sponsor, 'Ask to run the Q1 planning')).status).toBe(
      201,
    );
    expect((await reply(shared.id, sponsor, employee, 'Thanks, I will')).status).toBe(201);
    expect((await sharedAs(sponsor)).body.aspirations[0].thread?.messages).toHaveLength(2);

    expect((await revoke(sponsor)).status).toBe(204);
    expectProblem(await sharedAs(sponsor), 403);
    expectProblem(await reply(shared.id, sponsor, sponsor, 'One more thing'), 403);
    expect(
      (await stack.call<SharedWithMeView>('/shared-with-me', { as: sponsor })).body.boards,
    ).toEqual([]);
    // A revoked share used again: revoking it again is a 404, and nothing changes.
    expectProblem(await revoke(sponsor), 404);
    expect((await shares()).shares).toEqual([]);
  });

  it('deleting a shared aspiration removes it from every sponsor’s view at once', async () => {
    const doomed = await addAspiration(stack, employee, { title: 'Soon deleted' });
    expect((await share({ personId: mentor, relationship: 'mentor' })).status).toBe(201);
    expect(
      (await share({ personId: sponsor, relationship: 'sponsor', aspirationIds: [doomed.id] }))
        .status,
    ).toBe(201);
    expect((await ask(doomed.id, asked)).status).toBe(201);
    for (const viewer of [mentor, sponsor, asked])
      expect((await sharedAs(viewer)).body.aspirations.map((a) => a.id)).toContain(doomed.id);

    const deleted = await stack.call(`/boards/${employee}/aspirations/${doomed.id}`, {
      as: employee,
      method: 'DELETE',
      headers: { 'If-Match': doomed.etag },
    });
    expect(deleted.status).toBe(204);
    for (const viewer of [mentor, sponsor])
      expect((await sharedAs(viewer)).body.aspirations.map((a) => a.id)).not.toContain(doomed.id);
    // The question went with it: the asked person has nothing left to see.
    expectProblem(await sharedAs(asked), 403);
    expect((await shares()).advice.map((t) => t.aspirationId)).not.toContain(doomed.id);
    expect((await shares()).shares.find((s) => s.person.id === sponsor)?.aspirationIds).toEqual([]);
    await revoke(mentor);
    await revoke(sponsor);
  });
});

describe('bad shares are refused with a 4xx problem+json and nothing changes', () => {
  it.each([
    ['someone in another tenant', () => DEMO.fabrikam.employee, 400],
    ['oneself', () => employee, 400],
    ['a disabled account', () => DEMO.contoso.disabled, 400],
    ['a guest from another organisation', () => DEMO.contoso.guest, 400],
    ['one’s own manager, who sees the board already', () => manager, 400],
    ['an id that is not a GUID', () => 'nobody', 400],
  ])('sharing with %s', async (_, personId, status) => {
    const before = await shares();
    expectProblem(await share({ personId: personId(), relationship: 'sponsor' }), status);
    expect(await shares()).toEqual(before);
  });

  it('a duplicate share is a 409, and the first share stays as it was', async () => {
    expect((await share({ personId: mentor, relationship: 'mentor' })).status).toBe(201);
    const before = await shares();
    expectProblem(await share({ personId: mentor, relationship: 'sponsor' }), 409);
    expect(await shares()).toEqual(before);
    await revoke(mentor);
  });

  it.each([
    ['an unknown relationship', { relationship: 'friend' }],
    ['an aspiration not on the board', { aspirationIds: ['9d7c1a9e-0000-4000-8000-000000000000'] }],
    ['an empty choice of aspirations', { aspirationIds: [] }],
    ['an unknown field', { canEdit: true }],
  ])('%s', async (_, extra) => {
    const before = await shares();
    expectProblem(await share({ personId: mentor, relationship: 'mentor', ...extra }), 400);
    expect(await shares()).toEqual(before);
  });

  it('nobody but the employee shares or revokes', async () => {
    expectProblem(await share({ personId: mentor, relationship: 'mentor' }, manager), 403);
    expect((await shares()).shares).toEqual([]);
  });
});

describe('asking for advice', () => {
  it('the asked person sees just that aspiration and the question, answers, and the answer stays with it', async () => {
    const topic = await addAspiration(stack, employee, { title: 'Team lead' });
    const other = await addAspiration(stack, employee, { title: 'Not asked about' });
    const asking = await ask(
      topic.id,
      asked,
      'What would you need to see from me to be considered for team lead?',
    );
    expect(asking.status).toBe(201);
    expect((await notices('adviceRequested')).map((n) => n.recipientId)).toContain(asked);
    // Asking twice is one thread.
    expectProblem(await ask(topic.id, asked), 409);

    const seen = await sharedAs(asked);
    expect(seen.body.access).toBe('advice');
    expect(seen.body.aspirations.map((a) => a.id)).toEqual([topic.id]);
    expect(seen.body.aspirations[0].thread?.question).toContain('considered for team lead');
    expect(JSON.stringify(seen.body)).not.toContain(other.id);
    expectProblem(await reply(other.id, asked, asked, 'Sneaky'), 403);

    expect(
      (await reply(topic.id, asked, asked, 'Run two incident reviews end to end')).status,
    ).toBe(201);
    expect((await notices('adviceAnswered')).map((n) => n.recipientId)).toContain(employee);
    const thread = (await shares()).advice.find((t) => t.aspirationId === topic.id)!;
    expect(thread.messages.map((m) => m.text)).toEqual(['Run two incident reviews end to end']);
    // Other people never write in this thread: not the manager, not a stranger.
    expectProblem(await reply(topic.id, asked, manager, 'Me too'), 403);
    expectProblem(await reply(topic.id, asked, DEMO.contoso.peer, 'Me too'), 403);
  });

  it('refuses asking oneself, a disabled account, another tenant, or about a deleted aspiration', async () => {
    const topic = await addAspiration(stack, employee, { title: 'Asked about' });
    expectProblem(await ask(topic.id, employee), 400);
    expectProblem(await ask(topic.id, DEMO.contoso.disabled), 400);
    expectProblem(await ask(topic.id, DEMO.fabrikam.employee), 400);
    expectProblem(await ask('9d7c1a9e-0000-4000-8000-000000000000', asked), 404);
    expectProblem(await ask(topic.id, asked, '   '), 400);
  });
});

describe('the manager’s “I will sponsor this”', () => {
  it('is a commitment the employee sees, apart from the acknowledgement', async () => {
    const topic = await addAspiration(stack, employee, { title: 'Staff engineer' });
    const path = `/boards/${employee}/aspirations/${topic.id}/sponsorship`;
    expect((await stack.call(path, { as: manager, method: 'PUT' })).status).toBe(200);
    const board: BoardView = await readBoardAs(stack, employee, employee);
    const mine = board.aspirations.find((a) => a.id === topic.id)!;
    expect(mine.sponsorship?.by.id).toBe(manager);
    expect(mine.acknowledgement).toBeNull();
    expectProblem(await stack.call(path, { as: employee, method: 'PUT' }), 403);
    expect((await stack.call(path, { as: manager, method: 'DELETE' })).status).toBe(204);
    const after = await readBoardAs(stack, employee, employee);
    expect(after.aspirations.find((a) => a.id === topic.id)!.sponsorship).toBeNull();
  });
});

describe('the people picker', () => {
  it('finds colleagues of the caller’s own tenant by the start of their name, never guests or oneself', async () => {
    const found = await stack.call<PeopleSearchView>('/people?search=Kav', { as: employee });
    expect(found.body.people.map((p) => p.id)).toContain(sponsor);
    const self = await stack.call<PeopleSearchView>('/people?search=Nia', { as: employee });
    expect(self.body.people.map((p) => p.id)).not.toContain(employee);
    const guest = await stack.call<PeopleSearchView>('/people?search=Noah', { as: employee });
    expect(guest.body.people.map((p) => p.id)).not.toContain(DEMO.contoso.guest);
    const other = await stack.call<PeopleSearchView>('/people?search=Kav', {
      as: DEMO.fabrikam.employee,
    });
    expect(other.body.people).toEqual([]);
    expectProblem(await stack.call('/people?search=', { as: employee }), 400);
    expectProblem(await stack.call(`/people?search=${'x'.repeat(121)}`, { as: employee }), 400);
  });
});

describe('admins see sharing as counts only', () => {
  it('the adoption figures carry rounded sharing counts and no names, questions or answers', async () => {
    const topic = await addAspiration(stack, employee, { title: 'Counted, never shown' });
    await share({ personId: mentor, relationship: 'mentor' });
    await ask(topic.id, asked, 'SECRET-QUESTION');
    await reply(topic.id, asked, asked, 'SECRET-ANSWER');
    // Before the org chart is synced nobody is in scope: withheld, sharing included.
    const before = await stack.call<AdoptionView>('/adoption', { as: DEMO.contoso.admin });
    expect(before.body.withheld).toBe('fewer-than-minimum');
    expect(before.body.sharing).toBeNull();
    await runSchedulePass(stack.services);
    const figures = await stack.call<AdoptionView>('/adoption', { as: DEMO.contoso.admin });
    expect(figures.status).toBe(200);
    const sharing = figures.body.sharing!;
    expect(Object.keys(sharing).sort()).toEqual([
      'adviceAnsweredWithin14Days',
      'adviceAsked',
      'shares',
    ]);
    for (const count of Object.values(sharing)) expect(count % figures.body.roundingBase).toBe(0);
    const everything = JSON.stringify(figures.body);
    for (const secret of [
      'SECRET-QUESTION',
      'SECRET-ANSWER',
      'Counted, never shown',
      mentor,
      asked,
    ])
      expect(everything).not.toContain(secret);
    expectProblem(await stack.call('/adoption', { as: employee }), 403);
    await revoke(mentor);
  });
});
