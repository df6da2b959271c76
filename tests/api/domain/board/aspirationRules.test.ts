import { aspirationInputSchema } from '../../../../api/src/contract/boardContract';
import {
  addEvidence,
  addStep,
  createAspiration,
  LimitReached,
  updateAspiration,
  updateStep,
} from '../../../../api/src/domain/board/aspirationRules';
import { teamMemberView } from '../../../../api/src/domain/board/boardView';
import type { AcknowledgementRecord } from '../../../../api/src/domain/board/records';

let n = 0;
const ids = { next: () => `id-${++n}` };
const owner = { tenantId: 't', employeeId: 'e' };
const NOW = '2026-11-23T10:00:00.000Z';
const input = aspirationInputSchema.parse({
  kind: 'title',
  horizon: 'next',
  title: '  Staff engineer  ',
  steps: [{ text: 'RFC' }],
});

describe('aspiration rules', () => {
  it('trims the title and starts at version 1 in the board partition of its owner', () => {
    const a = createAspiration(input, owner, [], ids, NOW);
    expect(a).toMatchObject({
      title: 'Staff engineer',
      version: 1,
      pk: 't|e',
      details: '',
      targetDate: null,
    });
    expect(a.steps).toHaveLength(1);
  });

  it('puts a new aspiration after the others of its horizon', () => {
    const a = createAspiration(
      input,
      owner,
      [
        { horizon: 'next', position: 5000 },
        { horizon: '3y', position: 9000 },
      ],
      ids,
      NOW,
    );
    expect(a.position).toBeGreaterThan(5000);
    expect(a.position).toBeLessThan(9000);
  });

  it('refuses the 51st aspiration', () => {
    const existing = Array.from({ length: 50 }, () => ({ horizon: 'next' as const, position: 1 }));
    expect(() => createAspiration(input, owner, existing, ids, NOW)).toThrow(LimitReached);
  });

  it('an edit of content bumps the version; reordering alone does not', () => {
    const a = createAspiration(input, owner, [], ids, NOW);
    const edited = updateAspiration(a, { title: 'Principal engineer' }, NOW);
    expect(edited.record.version).toBe(2);
    expect(edited.changes).toEqual([
      { field: 'title', from: 'Staff engineer', to: 'Principal engineer' },
    ]);
    const moved = updateAspiration(a, { position: 1 }, NOW);
    expect(moved.record.version).toBe(1);
  });

  it('an edit that changes nothing is no change', () => {
    const a = createAspiration(input, owner, [], ids, NOW);
    expect(updateAspiration(a, { title: 'Staff engineer' }, NOW)).toEqual({
      record: a,
      changes: [],
    });
  });

  it('completing a step records when; reopening clears it', () => {
    const a = createAspiration(input, owner, [], ids, NOW);
    const done = updateStep(a, a.steps[0].id, { status: 'done' }, NOW)!;
    expect(done.record.steps[0]).toMatchObject({ status: 'done', completedAt: NOW });
    const reopened = updateStep(done.record, a.steps[0].id, { status: 'open' }, NOW)!;
    expect(reopened.record.steps[0].completedAt).toBeNull();
    expect(updateStep(a, 'missing', { status: 'done' }, NOW)).toBeNull();
  });

  it('refuses the 101st step', () => {
    let a = createAspiration({ ...input, steps: [] }, owner, [], ids, NOW);
    for (let i = 0; i < 100; i++)
      a = addStep(a, { text: `s${i}`, status: 'open' }, ids, NOW).record;
    expect(() => addStep(a, { text: 'one more', status: 'open' }, ids, NOW)).toThrow(
      /at most 100 steps/,
    );
  });

  it('evidence is appended with its date and link', () => {
    const a = createAspiration(input, owner, [], ids, NOW);
    const { record } = addEvidence(
      a,
      { text: 'Talk', date: '2026-11-01', link: 'https://x.example' },
      ids,
      NOW,
    );
    expect(record.evidence[0]).toMatchObject({
      text: 'Talk',
      date: '2026-11-01',
      link: 'https://x.example',
    });
    expect(record.version).toBe(2);
  });
});

describe('team view row', () => {
  const a = createAspiration(input, owner, [], ids, NOW);
  const ack = (version: number): AcknowledgementRecord => ({
    type: 'acknowledgement',
    id: `ack-${a.id}`,
    pk: a.pk,
    tenantId: 't',
    employeeId: 'e',
    aspirationId: a.id,
    by: { id: 'm', displayName: 'M' },
    at: NOW,
    note: null,
    acknowledgedVersion: version,
  });
  const person = { id: 'e', displayName: 'E', jobTitle: null };
  const noConversations = {
    last: null,
    next: null,
    overdue: false,
    needsPick: false,
    notBooked: null,
  };

  it('flags a board with nothing written', () => {
    expect(teamMemberView(person, [], [], noConversations).flags).toEqual(['no-aspirations']);
  });
  it('flags an unacknowledged aspiration and one changed since acknowledged', () => {
    expect(teamMemberView(person, [a], [], noConversations).flags).toEqual([
      'needs-acknowledgement',
    ]);
    const changed = { ...a, version: 3 };
    const row = teamMemberView(person, [changed], [ack(2)], noConversations);
    expect(row.counts).toEqual({
      aspirations: 1,
      needsAcknowledgement: 1,
      changedSinceAcknowledged: 1,
    });
  });
  it('flags a target date that has passed, not one that is due today', () => {
    const due = (targetDate: string) => ({ ...a, targetDate });
    const on = (targetDate: string) =>
      teamMemberView(person, [due(targetDate)], [ack(1)], noConversations, '2026-12-01').flags;
    expect(on('2026-11-30')).toEqual(['target-date-passed']);
    expect(on('2026-12-01')).toEqual([]);
  });
  it('a pair waiting for the manager to pick a time gets its own flag, not "overdue"', () => {
    const waiting = { ...noConversations, needsPick: true };
    expect(teamMemberView(person, [a], [ack(1)], waiting).flags).toEqual([
      'conversation-needs-pick',
    ]);
  });
  it('raises no flag once everything is acknowledged', () => {
    const row = teamMemberView(person, [a], [ack(1)], noConversations);
    expect(row.flags).toEqual([]);
    expect(row.latestByHorizon).toEqual({ next: 'Staff engineer', '1y': null, '3y': null });
  });
});
