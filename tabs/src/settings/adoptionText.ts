import type { AdoptionFigures } from '@contract/adoptionContract';

/**
 * A rounded count as an admin should read it: the API publishes multiples of `base` (rounded at
 * random up or down), so 0 means "fewer than 5" and anything else is approximate.
 */
export function roundedCount(count: number, base: number): string {
  return count === 0 ? `fewer than ${base}` : `about ${count}`;
}

/** "about 10 of 40 (25%)", "fewer than 5 of 40", or "none yet" when there is nobody to count. */
export function share(part: number, whole: number, base = 1): string {
  if (whole === 0) return 'none yet';
  if (base > 1 && part === 0) return `fewer than ${base} of ${whole}`;
  const count = base > 1 ? `about ${part}` : String(part);
  return `${count} of ${whole} (${Math.round((part / whole) * 100)}%)`;
}

export interface AdoptionTile {
  label: string;
  value: string;
  hint: string;
}

export interface AdoptionShares {
  withAspirations: string;
  acknowledged: string;
  /** Booked or already held: either way the pair has this quarter's conversation. */
  conversations: string;
}

/** Each figure as a share of the people counted, for the tiles and the department table alike. */
export function adoptionShares(figures: AdoptionFigures, base: number): AdoptionShares {
  const { people, withAspirations, acknowledged, conversations } = figures;
  return {
    withAspirations: share(withAspirations, people, base),
    acknowledged: share(acknowledged, people, base),
    conversations: share(conversations.booked + conversations.held, people, base),
  };
}

/** The headline figures, each with what it means, in the order an admin reads them. */
export function adoptionTiles(figures: AdoptionFigures, base: number): AdoptionTile[] {
  const { people, conversations } = figures;
  const shares = adoptionShares(figures, base);
  const count = (n: number) => roundedCount(n, base);
  return [
    {
      label: 'People taking part',
      value: roundedCount(people, base),
      hint: 'In the pilot scope, with a manager in the org chart.',
    },
    {
      label: 'Said what they want',
      value: shares.withAspirations,
      hint: 'Wrote at least one aspiration on their board.',
    },
    {
      label: 'Heard by their manager',
      value: shares.acknowledged,
      hint: 'Had at least one aspiration acknowledged.',
    },
    {
      label: 'Conversation this quarter',
      value: shares.conversations,
      hint: `${count(conversations.held)} held, ${count(conversations.booked)} booked, ${count(conversations.needsAttention)} need attention, ${count(conversations.notYetBooked)} not booked yet.`,
    },
  ];
}
