import type { SharingAdoption } from '../../contract/adoptionContract';
import { roundCount, roundingCoin } from './disclosureControl';
import type { DisclosurePolicy } from './disclosureControl';

/**
 * Sharing beyond the manager (issue 13), as an admin may see it: how many shares exist and how
 * many advice questions were asked and answered within 14 days, for the people in scope. Counts
 * only, under the same rules as every adoption figure: nothing below the minimum group size, every
 * count randomly rounded to the base with its own coin, answered capped at asked.
 */

export const ANSWER_WINDOW_DAYS = 14;

export interface SharingRow {
  type: 'share' | 'advice-thread';
  employeeId: string;
  /** Threads: asked (a question) or started by a sponsor's comment (null). */
  question?: string | null;
  askedAt?: string;
  firstAnsweredAt?: string | null;
}

export function sharingFigures(
  memberIds: readonly string[],
  rows: readonly SharingRow[],
  quarter: string,
  { minimumGroupSize: base, roundingKey }: DisclosurePolicy,
): SharingAdoption | null {
  if (memberIds.length < base) return null;
  const inScope = new Set(memberIds);
  const mine = rows.filter((r) => inScope.has(r.employeeId));
  const questions = mine.filter((r) => r.type === 'advice-thread' && r.question);
  const answered = questions.filter(
    (r) =>
      r.firstAnsweredAt &&
      r.askedAt &&
      Date.parse(r.firstAnsweredAt) - Date.parse(r.askedAt) <= ANSWER_WINDOW_DAYS * 86_400_000,
  );
  const round = (figure: string, count: number) =>
    roundCount(count, base, roundingCoin(roundingKey, `${quarter}|sharing.${figure}`, memberIds));
  const asked = round('adviceAsked', questions.length);
  return {
    shares: round('shares', mine.filter((r) => r.type === 'share').length),
    adviceAsked: asked,
    adviceAnsweredWithin14Days: Math.min(asked, round('adviceAnswered', answered.length)),
  };
}
