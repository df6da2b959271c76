import type { FieldChange } from './aspirationRules';
import type { HistoryAction } from './records';

/** Plain-language lines for the history a person reads ("Changed the title of …"). */

const FIELD_NAMES: Record<string, string> = {
  kind: 'kind',
  horizon: 'horizon',
  title: 'title',
  details: 'details',
  targetDate: 'target date',
  position: 'order',
  text: 'text',
  status: 'status',
  dueDate: 'due date',
  date: 'date',
  link: 'link',
};

export function summarise(
  action: HistoryAction,
  title: string,
  changes: FieldChange[] = [],
): string {
  const quoted = `"${title}"`;
  switch (action) {
    case 'aspiration.created':
      return `Added the aspiration ${quoted}`;
    case 'aspiration.updated':
      return `Changed the ${list(changes)} of ${quoted}`;
    case 'aspiration.reordered':
      return `Reordered ${quoted}`;
    case 'aspiration.deleted':
      // Never the title: the deletion's own line outlives the aspiration (see contentFreeSummary).
      return DELETED;
    case 'step.added':
      return `Added a step to ${quoted}`;
    case 'step.updated':
      return changes.some((c) => c.field === 'status' && c.to === 'done')
        ? `Completed a step of ${quoted}`
        : `Changed a step of ${quoted}`;
    case 'step.removed':
      return `Removed a step from ${quoted}`;
    case 'evidence.added':
      return `Recorded what they did for ${quoted}`;
    case 'evidence.updated':
      return `Corrected what they did for ${quoted}`;
    case 'evidence.removed':
      return `Removed an entry of what they did for ${quoted}`;
    case 'aspiration.acknowledged':
      return `Acknowledged ${quoted}`;
    case 'comment.added':
      return `Commented on ${quoted}`;
    case 'manager.changed':
      return `The board moved to a new manager`;
  }
}

function list(changes: FieldChange[]): string {
  const names = changes.map((c) => FIELD_NAMES[c.field] ?? c.field);
  if (names.length <= 1) return names[0] ?? 'details';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const DELETED = 'Deleted an aspiration';

/**
 * The line an entry keeps once its aspiration is deleted: what kind of change it was, nothing of
 * what the aspiration said (no title, no field values). The board's story keeps its shape; the
 * content is gone for the employee, every manager, exports and invites alike.
 */
export function contentFreeSummary(action: HistoryAction): string {
  switch (action) {
    case 'aspiration.deleted':
      return DELETED;
    case 'aspiration.created':
      return 'Added an aspiration (since deleted)';
    case 'aspiration.updated':
      return 'Changed an aspiration (since deleted)';
    case 'aspiration.reordered':
      return 'Reordered an aspiration (since deleted)';
    case 'step.added':
    case 'step.updated':
    case 'step.removed':
      return 'Changed the steps of an aspiration (since deleted)';
    case 'evidence.added':
    case 'evidence.updated':
    case 'evidence.removed':
      return 'Recorded what they did for an aspiration (since deleted)';
    case 'aspiration.acknowledged':
      return 'Acknowledged an aspiration (since deleted)';
    case 'comment.added':
      return 'Commented on an aspiration (since deleted)';
    case 'manager.changed':
      return 'The board moved to a new manager';
  }
}
