/**
 * What a tenant admin sees of adoption: counts only, never a name or a word of anyone's board.
 *
 * Exact: `quarter`, `asOf`, `orgChartSyncedAt`, `minimumGroupSize`, `roundingBase` and which
 * departments have a row (department sizes are in the org chart the admin can read anyway).
 * Rounded: every count in `total` and `departments`, a multiple of `roundingBase` drawn by
 * seeded random rounding (the same answer every time for the same people; api/README.md,
 * "Adoption"). A count of 0 means "fewer than `roundingBase`", not "none".
 * Suppressed: with fewer than `minimumGroupSize` people in scope, `total` is null, `departments`
 * is empty and `withheld` says why; departments under the minimum are folded into one row.
 */

export interface AdoptionFigures {
  /** People in the pilot scope who have a manager: everyone who should have a board. */
  people: number;
  /** Of them, how many have written at least one aspiration. */
  withAspirations: number;
  /** Of them, how many have had at least one aspiration acknowledged by their manager. */
  acknowledged: number;
  /** Aspirations whose latest version the manager has acknowledged, of all aspirations. */
  aspirations: { total: number; acknowledged: number };
  /** This quarter's conversations, by where they stand. */
  conversations: { booked: number; held: number; needsAttention: number; notYetBooked: number };
}

export interface DepartmentAdoption extends AdoptionFigures {
  /** The department's name, or null for the small groups folded together. */
  department: string | null;
}

/** Sharing beyond the manager (issue 13): counts only, rounded like every other figure. */
export interface SharingAdoption {
  shares: number;
  /** Questions asked of a named colleague about one aspiration. */
  adviceAsked: number;
  /** Of them, answered within 14 days of being asked. */
  adviceAnsweredWithin14Days: number;
}

/** Why no figures are shown: too few people in scope for any count not to point at someone. */
export type AdoptionWithheld = 'fewer-than-minimum';

export interface AdoptionView {
  quarter: string;
  asOf: string;
  /** When the org chart was last read from Microsoft Graph; null before the first scheduling pass. */
  orgChartSyncedAt: string | null;
  minimumGroupSize: number;
  /** Every published count is a multiple of this, rounded at random up or down. */
  roundingBase: number;
  /** Null when figures are shown; otherwise why they are not. */
  withheld: AdoptionWithheld | null;
  /** Null exactly when `withheld` is set. */
  total: AdoptionFigures | null;
  /** Rows of at least `minimumGroupSize` people each, covering everyone; empty when one would do. */
  departments: DepartmentAdoption[];
  /** Tenant-wide only (never by department); null when withheld. */
  sharing?: SharingAdoption | null;
}
