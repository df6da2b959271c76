import type { AspirationKind, Horizon } from './boardContract';

/**
 * The words people read for an aspiration's kind and horizon, shared by the tab (cards, forms,
 * columns) and the API (the invite's agenda), so a meeting invite never says "(account)" where
 * the board says "Client account". Type-only imports: no zod comes with it into the tab's first
 * download.
 */

export const KIND_LABELS: Record<AspirationKind, string> = {
  title: 'Title or role',
  project: 'Project',
  account: 'Client account',
  skill: 'Skill',
  other: 'Other goal',
};

export const HORIZON_LABELS: Record<Horizon, string> = {
  next: 'Next',
  '1y': 'In 1 year',
  '3y': 'In 3 years',
};
