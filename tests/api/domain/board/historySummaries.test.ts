import { contentFreeSummary, summarise } from '../../../../api/src/domain/board/historySummaries';
import type { HistoryAction, HistoryRecord } from '../../../../api/src/domain/board/records';
import { eraseAspirationContent } from '../../../../api/src/domain/retention/anonymise';

const ACTIONS: HistoryAction[] = [
  'aspiration.created',
  'aspiration.updated',
  'aspiration.reordered',
  'aspiration.deleted',
  'step.added',
  'step.updated',
  'step.removed',
  'evidence.added',
  'evidence.updated',
  'evidence.removed',
  'aspiration.acknowledged',
  'comment.added',
  'manager.changed',
];
const TITLE = 'Zq7 leaving for competitor';

describe('history summaries', () => {
  it('keep the title of an aspiration that still exists', () => {
    expect(summarise('aspiration.created', TITLE)).toBe(`Added the aspiration "${TITLE}"`);
    expect(summarise('aspiration.updated', TITLE, [{ field: 'details', from: 'a', to: 'b' }])).toBe(
      `Changed the details of "${TITLE}"`,
    );
  });

  it('never quote the title in the line of a deletion', () => {
    expect(summarise('aspiration.deleted', TITLE)).toBe('Deleted an aspiration');
  });

  it.each(ACTIONS)('have a content-free line for %s', (action) => {
    const line = contentFreeSummary(action);
    expect(line).not.toContain('"');
    expect(line).not.toContain(TITLE);
    expect(line.length).toBeGreaterThan(0);
  });
});

describe('erasing a deleted aspiration from a history line', () => {
  const entry: HistoryRecord = {
    type: 'history',
    id: 'h1',
    pk: 't|e',
    tenantId: 't',
    employeeId: 'e',
    at: '2026-12-04T10:00:00.000Z',
    actor: { id: 'e', displayName: 'Eve' },
    action: 'aspiration.updated',
    aspirationId: 'a1',
    summary: `Changed the title of "${TITLE}"`,
    changes: [{ field: 'title', from: 'Old Zq7', to: TITLE }],
  };

  it('drops the title and every changed value, keeps who, when and what kind', () => {
    const erased = eraseAspirationContent(entry);
    expect(JSON.stringify(erased)).not.toContain('Zq7');
    expect(erased).toMatchObject({
      id: 'h1',
      at: entry.at,
      actor: entry.actor,
      action: 'aspiration.updated',
      aspirationId: 'a1',
      summary: 'Changed an aspiration (since deleted)',
      changes: [],
    });
  });

  it('is the same however often it is applied', () => {
    const once = eraseAspirationContent(entry);
    expect(eraseAspirationContent(once)).toEqual(once);
  });
});
