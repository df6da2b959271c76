import { createHash, createHmac } from 'node:crypto';

/**
 * Statistical disclosure control for the adoption figures: pure.
 *
 * Two rules, each answering one attack an admin could try (api/README.md, "Adoption"):
 *
 * 1. Threshold with complementary suppression (`publishedGroups`). A department under the
 *    minimum group size is never its own row (primary suppression); the small ones are folded
 *    together, and when the fold is still under the minimum the next-smallest department joins
 *    it until it is not (secondary suppression). Every person is then in exactly one published
 *    row, so "total minus the rows" is empty and isolates nobody. Which rows are folded depends
 *    on department sizes only, which the admin knows from the org chart anyway: the pattern of
 *    suppression says nothing about anyone's board. Under the minimum in total, nothing is shown.
 *
 * 2. Seeded random rounding to base k (`roundCount`). A threshold alone cannot stop differencing
 *    between two views the admin can produce (pilot narrowed by a one-person department, a
 *    joiner or leaver between two days): any figure that is an exact, or deterministically
 *    rounded, function of the counts moves exactly when that one person has the property. So
 *    every count is published as a multiple of k, rounded up with probability (n mod k) / k and
 *    down otherwise (unbiased), with the coin drawn from a keyed hash of the figure and the exact
 *    set of people it covers, as the cell-key method of the ABS and ONS does for flexible
 *    tables. Consequences: the same population gives the same answer every time (asking again
 *    averages nothing away); a population that differs by one person gets a fresh, independent
 *    coin, so two views that differ by one person publish counts whose difference (0 or ±k) is
 *    possible whether or not that person has the property. A count of 0 to k-1 publishes 0 or
 *    k (the tab says "fewer than k" for 0); its complement is protected by a cap in
 *    adoptionFigures.ts, since the admin knows each row's size and "k+4 rounded up past the row"
 *    would mean "all of them".
 *
 * What this does not promise: an attacker who already knows every other person's state
 * exactly can, at a boundary (the true count a multiple of k and the coin going their way, about
 * 1 in 25 per figure and pair of views), tell the last person's state: any bounded rounding has
 * such edges. And the coin is only as unpredictable as the key (one per tenant: store/disclosureKeys.ts).
 */

export interface DisclosurePolicy {
  /** No published row covers fewer people than this, and every count is rounded to a multiple of it. */
  minimumGroupSize: number;
  /** Secret key for the rounding coins: whoever knows it can undo the rounding's randomness. */
  roundingKey: string;
}

export interface GroupMember {
  id: string;
  department: string | null;
}

export interface PublishedGroup<T extends GroupMember> {
  /** The department, or null for the small groups (and the unnamed department) folded together. */
  department: string | null;
  members: T[];
}

/**
 * The rows an admin may see for this population: named departments of at least `minimum`
 * people, then one fold of everything else that is empty or at least `minimum` too. A single
 * row would only repeat the total, so then there are none.
 */
export function publishedGroups<T extends GroupMember>(
  people: readonly T[],
  minimum: number,
): PublishedGroup<T>[] {
  const byDepartment = new Map<string, T[]>();
  for (const person of people) {
    const name = person.department?.trim() || '';
    byDepartment.set(name, [...(byDepartment.get(name) ?? []), person]);
  }
  const shown: PublishedGroup<T>[] = [];
  const fold: T[] = [];
  for (const [name, members] of byDepartment) {
    if (name === '' || members.length < minimum) fold.push(...members);
    else shown.push({ department: name, members });
  }
  // Complementary suppression: a fold of 1..k-1 would be "total minus the rows"; the smallest
  // department joins it (ties by name, so the choice is reproducible) until it reaches k.
  shown.sort(
    (a, b) =>
      a.members.length - b.members.length || (a.department ?? '').localeCompare(b.department ?? ''),
  );
  while (fold.length > 0 && fold.length < minimum && shown.length > 0)
    fold.push(...shown.shift()!.members);

  const rows = [...shown].sort((a, b) => (a.department ?? '').localeCompare(b.department ?? ''));
  if (fold.length > 0) rows.push({ department: null, members: fold });
  return rows.length > 1 ? rows : [];
}

/** The rounding coin for one figure over one exact set of people: in [0, 1), stable per key. */
export function roundingCoin(key: string, figure: string, memberIds: readonly string[]): number {
  const population = createHash('sha256')
    .update([...memberIds].sort().join('\n'))
    .digest('hex');
  const digest = createHmac('sha256', key).update(`${figure}\n${population}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** Unbiased random rounding of a count to a multiple of `base`, with the given coin. */
export function roundCount(count: number, base: number, coin: number): number {
  const below = count - (count % base);
  return count % base === 0 ? count : coin < (count % base) / base ? below + base : below;
}
