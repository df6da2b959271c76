/**
 * What a tenant admin sees of adoption: counts only, never a name or a word of anyone's board.
 * Groups smaller than `minimumGroupSize` are folded together so no figure points at a person.
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

export interface AdoptionView {
  quarter: string;
  asOf: string;
  /** When the org chart was last read from Microsoft Graph; null before the first scheduling pass. */
  orgChartSyncedAt: string | null;
  minimumGroupSize: number;
  total: AdoptionFigures;
  departments: DepartmentAdoption[];
}
