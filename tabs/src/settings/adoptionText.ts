import type { AdoptionFigures } from '@contract/adoptionContract';

/** "12 of 40 (30%)", or "none yet" when there is nobody to count. */
export function share(part: number, whole: number): string {
  if (whole === 0) return 'none yet';
  return `${part} of ${whole} (${Math.round((part / whole) * 100)}%)`;
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
export function adoptionShares(figures: AdoptionFigures): AdoptionShares {
  const { people, withAspirations, acknowledged, conversations } = figures;
  return {
    withAspirations: share(withAspirations, people),
    acknowledged: share(acknowledged, people),
    conversations: share(conversations.booked + conversations.held, people),
  };
}

/** The headline figures, each with what it means, in the order an admin reads them. */
export function adoptionTiles(figures: AdoptionFigures): AdoptionTile[] {
  const { people, conversations } = figures;
  const shares = adoptionShares(figures);
  return [
    {
      label: 'People taking part',
      value: String(people),
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
      hint: `${conversations.held} held, ${conversations.booked} booked, ${conversations.needsAttention} need attention, ${conversations.notYetBooked} not booked yet.`,
    },
  ];
}
