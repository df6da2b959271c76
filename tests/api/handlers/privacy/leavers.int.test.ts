import type { Container } from '@azure/cosmos';

import type { AdoptionView } from '../../../../api/src/contract/adoptionContract';
import type { BoardView, HistoryEntryView } from '../../../../api/src/contract/boardContract';
import type { ConversationView } from '../../../../api/src/contract/conversationContract';
import type { ErasureView } from '../../../../api/src/contract/retentionContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { runSchedulePass } from '../../../../api/src/scheduler/schedulePass';
import { createPersonErasure } from '../../../../api/src/store/personErasure';
import { addAspiration } from '../../../support/boardFixtures';
import { Crash, DAY, HOUR, NOW, startSchedulerStack, survives } from '../../scheduler/schedulerKit';
import type { SchedulerStack } from '../../scheduler/schedulerKit';
import {
  acknowledgeAndComment,
  documentsMentioning,
  expectStatus,
  storedState,
  writeNotes,
} from './privacyKit';

/**
 * People leave: the org sync notices a disabled or deleted account, the daily pass erases them
 * once the tenant's retention period (30 days by default) has run out, and nothing about them is
 * left in any container, while the people they worked with keep their own boards.
 */

const {
  tenantId,
  employee: nia,
  manager: tobias,
  skipLevel: sofia,
  peer: mateo,
  admin,
} = DEMO.contoso;

let stack: SchedulerStack;
beforeAll(async () => {
  stack = await startSchedulerStack();
});
afterAll(async () => {
  await stack.close();
});

const pass = () => runSchedulePass(stack.services);
const nameOf = (id: string) => stack.orgStore.findUser(id)!.displayName;
const markOf = async (id: string) =>
  (await stack.services.personData.leavers.read(tenantId)).find((m) => m.personId === id);
const adoption = async () => {
  const { total } = await expectStatus(stack.call<AdoptionView>('/adoption', { as: admin }), 200);
  // The demo tenant is above the minimum group size, so its total is published.
  if (total === null) throw new Error('The adoption total was withheld');
  return total;
};

describe('a manager who leaves (Tobias: his own board, and his part on Nia’s)', () => {
  const TRACES = [
    'TOBIAS-OWN-GOAL',
    'TOBIAS-OWN-NOTE',
    'SOFIA-NOTE-ON-TOBIAS',
    'SOFIA-ACK-NOTE',
    'TOBIAS-ACK-NOTE',
    'TOBIAS-COMMENT',
    'TOBIAS-NOTE-ON-NIA',
    'TOBIAS-CONVERSATION-NOTE',
  ];
  const needles = () => [tobias, nameOf(tobias), ...TRACES];
  let leftAt: Date;

  it('sets the scene: both boards, notes, a booked conversation and his private notes on it', async () => {
    const own = await addAspiration(stack, tobias, { title: 'TOBIAS-OWN-GOAL' });
    await acknowledgeAndComment(stack, tobias, own, sofia, {
      note: 'SOFIA-ACK-NOTE',
      comment: 'Sofia says go',
    });
    await writeNotes(stack, tobias, tobias, 'TOBIAS-OWN-NOTE');
    await writeNotes(stack, tobias, sofia, 'SOFIA-NOTE-ON-TOBIAS');

    const hers = await addAspiration(stack, nia, { title: 'NIA-GOAL' });
    await acknowledgeAndComment(stack, nia, hers, tobias, {
      note: 'TOBIAS-ACK-NOTE',
      comment: 'TOBIAS-COMMENT',
    });
    await writeNotes(stack, nia, tobias, 'TOBIAS-NOTE-ON-NIA');
    await writeNotes(stack, nia, nia, 'NIA-OWN-NOTE');

    await pass();
    const { conversations } = await expectStatus(
      stack.call<{ conversations: ConversationView[] }>(`/boards/${nia}/conversations`, {
        as: tobias,
      }),
      200,
    );
    const booked = conversations.find((c) => c.manager.id === tobias);
    expect(booked).toBeDefined();
    await expectStatus(
      stack.call(`/boards/${nia}/conversations/${booked!.id}`, {
        as: tobias,
        method: 'PATCH',
        body: { privateNotes: 'TOBIAS-CONVERSATION-NOTE' },
      }),
      200,
    );
    // The scan can fail: every trace is there to be found before he leaves.
    const before = await documentsMentioning(stack, needles());
    for (const needle of needles()) expect(before.join('\n')).toContain(needle);
  });

  it('the first pass after his account is disabled records when he left, and erases nothing', async () => {
    leftAt = new Date(NOW.getTime() + HOUR);
    stack.setNow(leftAt);
    stack.orgStore.updateUser(tenantId, tobias, { accountEnabled: false });
    await pass();
    expect(await markOf(tobias)).toEqual({ personId: tobias, goneSince: leftAt.toISOString() });
    const board = await stack.services.boards.readBoard(tenantId, tobias);
    expect(board.records.aspirations.map((a) => a.title)).toEqual(['TOBIAS-OWN-GOAL']);
  });

  it('a minute before the 30 days are up, a pass keeps everything and the date does not move', async () => {
    stack.setNow(new Date(leftAt.getTime() + 30 * DAY - 60_000));
    await pass();
    expect((await markOf(tobias))?.goneSince).toBe(leftAt.toISOString());
    for (const needle of needles())
      expect((await documentsMentioning(stack, needles())).join('\n')).toContain(needle);
  });

  let figuresBefore: NonNullable<AdoptionView['total']>;
  it('refusals change nothing: a non-admin, a bad id, a person of another tenant', async () => {
    figuresBefore = await adoption();
    const state = await storedState(stack);
    await expectStatus(stack.call(`/people/${tobias}/data`, { as: nia, method: 'DELETE' }), 403);
    await expectStatus(
      stack.call(`/people/${tobias}/data`, { as: DEMO.fabrikam.employee, method: 'DELETE' }),
      403,
    );
    await expectStatus(stack.call('/people/not-an-id/data', { as: admin, method: 'DELETE' }), 400);
    await expectStatus(
      stack.call(`/people/${DEMO.fabrikam.employee}/data`, { as: admin, method: 'DELETE' }),
      404,
    );
    await expectStatus(stack.call(`/people/${tobias}/data`, { as: admin }), 405);
    await expectStatus(
      stack.call('/settings', { as: admin, method: 'PUT', body: { leaverRetentionDays: 3 } }),
      400,
    );
    expect(await storedState(stack)).toBe(state);
  });

  it('once the 30 days are up, the pass erases every trace of him from every container', async () => {
    stack.setNow(new Date(leftAt.getTime() + 30 * DAY));
    await pass();
    expect(await documentsMentioning(stack, needles())).toEqual([]);
    expect(await markOf(tobias)).toBeUndefined();
  });

  it('Nia keeps her board, her notes and her history, without him in them', async () => {
    const board = await expectStatus(stack.call<BoardView>(`/boards/${nia}`, { as: nia }), 200);
    expect(board.aspirations.map((a) => a.title)).toEqual(['NIA-GOAL']);
    expect(board.aspirations[0].comments).toEqual([]);
    expect(board.aspirations[0].acknowledgement).toMatchObject({
      by: { displayName: 'A former colleague' },
      note: null,
    });
    const notes = await expectStatus(
      stack.call<{ text: string }>(`/boards/${nia}/notes`, { as: nia }),
      200,
    );
    expect(notes.text).toBe('NIA-OWN-NOTE');
    const history = await expectStatus(
      stack.call<{ entries: HistoryEntryView[] }>(`/boards/${nia}/history`, { as: nia }),
      200,
    );
    expect(history.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['aspiration.created', 'aspiration.acknowledged', 'comment.added']),
    );
    // Her conversation with him stays on her record (cancelled, so the tab no longer lists it),
    // under an id of the usual shape that no longer names him.
    const records = await stack.services.conversations.listForEmployee(tenantId, nia);
    const former = records.filter((c) => c.managerId === 'former-colleague');
    expect(former).toHaveLength(1);
    expect(former[0]).toMatchObject({ status: 'cancelled', event: null });
    expect(former[0].id).toMatch(/^\d{4}-Q[1-4]-[0-9a-f-]{36}$/);
  });

  it('the figures still count what is left: the same people and boards as before the erasure', async () => {
    const after = await adoption();
    expect({ people: after.people, withAspirations: after.withAspirations }).toEqual({
      people: figuresBefore.people,
      withAspirations: figuresBefore.withAspirations,
    });
    expect(after.people).toBeGreaterThan(0);
  });

  it('an admin erasing him again is harmless: 200, nothing erased, nothing changed', async () => {
    const state = await storedState(stack);
    const again = await expectStatus(
      stack.call<ErasureView>(`/people/${tobias}/data`, { as: admin, method: 'DELETE' }),
      200,
    );
    expect(again.erased).toBe(false);
    expect(Object.values(again.removed).every((n) => n === 0)).toBe(true);
    expect(await storedState(stack)).toBe(state);
  });
});

describe('an erasure that dies half-way', () => {
  it('is finished by the next pass: the leaver mark outlives the crash', async () => {
    await addAspiration(stack, mateo, { title: 'MATEO-GOAL' });
    await writeNotes(stack, mateo, mateo, 'MATEO-NOTE');
    const mateoName = nameOf(mateo);
    const goneAt = new Date(leftAtFor());
    stack.setNow(goneAt);
    stack.orgStore.removeUser(tenantId, mateo);
    await pass();
    expect((await markOf(mateo))?.goneSince).toBe(goneAt.toISOString());

    // 31 days on, the process dies while it removes him from the stored org chart.
    stack.setNow(new Date(goneAt.getTime() + 31 * DAY));
    const containers = stack.services.cosmos.containers;
    const directory: Container = Object.create(containers.directory);
    directory.item = (id, partitionKey) => {
      const item = containers.directory.item(id, partitionKey);
      if (id !== mateo) return item;
      const dying = Object.create(item);
      dying.delete = async () => {
        throw new Crash('killed mid-erasure');
      };
      return dying;
    };
    const erasure = createPersonErasure({ ...containers, directory });
    const crashing = {
      ...stack.services,
      personData: { ...stack.services.personData, erasure },
    };
    // The killed pass stands for an earlier run, so its tenant lock has expired by the next one.
    expect(await survives(runSchedulePass(crashing, { clock: () => Date.now() - 3 * HOUR }))).toBe(
      false,
    );
    expect(await documentsMentioning(stack, ['MATEO-GOAL', 'MATEO-NOTE'])).toEqual([]);
    expect(await markOf(mateo)).toBeDefined();
    expect(await documentsMentioning(stack, [mateo])).not.toEqual([]);

    await pass();
    expect(await documentsMentioning(stack, [mateo, mateoName, 'MATEO-'])).toEqual([]);
    expect(await markOf(mateo)).toBeUndefined();
  });
});

/** After the Tobias story: a day on from wherever the clock stands. */
function leftAtFor(): number {
  return stack.services.now().getTime() + DAY;
}

describe('someone who comes back', () => {
  it('keeps their board: an account re-enabled before the period ends stops the clock', async () => {
    const partTimer = DEMO.contoso.partTimer;
    await addAspiration(stack, partTimer, { title: 'ELIF-GOAL' });
    const start = stack.services.now().getTime() + DAY;
    stack.setNow(new Date(start));
    stack.orgStore.updateUser(tenantId, partTimer, { accountEnabled: false });
    await pass();
    expect(await markOf(partTimer)).toBeDefined();
    stack.setNow(new Date(start + 10 * DAY));
    stack.orgStore.updateUser(tenantId, partTimer, { accountEnabled: true });
    await pass();
    expect(await markOf(partTimer)).toBeUndefined();
    stack.setNow(new Date(start + 100 * DAY));
    await pass();
    const board = await stack.services.boards.readBoard(tenantId, partTimer);
    expect(board.records.aspirations.map((a) => a.title)).toEqual(['ELIF-GOAL']);
  });
});
