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
      return `Deleted the aspiration ${quoted}`;
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
