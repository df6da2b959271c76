import { holdsTime } from '../domain/conversations/lifecycle';
import type { PilotMembers } from '../domain/settings/pilotScope';
import type { TenantSettings } from '../contract/settingsContract';
import type { ConversationReason, ConversationRecord } from '../domain/conversations/records';
import type { ConversationHold, ConversationHolds } from '../domain/scheduling';
import type { CalendarGateway } from '../graph/calendarGateway';
import type { Services } from '../services';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import type { PassLeases } from './leases';
import type { PassSummary } from './passSummary';

/** What every step of one tenant's pass works with. */
export interface TenantPass {
  services: Services;
  calendar: CalendarGateway;
  tenantId: string;
  /** The calendar's now: which quarter, which window, what has ended. */
  now: Date;
  settings: TenantSettings;
  summary: PassSummary;
  progress: (message: string) => void;
  people: Map<string, DirectoryPerson>;
  /** The pilot group's members as just synced; null when no group is chosen (nobody is booked). */
  pilotMembers: PilotMembers | null;
  /** Every pending or scheduled conversation's time, per person on either side. */
  holds: ConversationHolds;
  leases: PassLeases;
  outOfTime: () => boolean;
  /** Names of people outside `people` the agenda may mention (a work item's earlier managers). */
  names?: Readonly<Record<string, string>>;
}

export interface Pair {
  employee: DirectoryPerson;
  manager: DirectoryPerson;
  reason: ConversationReason;
}

export const DAY_MS = 86_400_000;

export function pairRef(tenantId: string, pair: Pair) {
  return { tenantId, employeeId: pair.employee.id, managerId: pair.manager.id };
}

export const holdKey = (record: Pick<ConversationRecord, 'pk' | 'id'>): string =>
  `${record.pk}|${record.id}`;

/** The hold a record puts on both people's time, if it has a time and is still going ahead. */
export function holdOf(record: ConversationRecord): ConversationHold | null {
  if (!holdsTime(record.status)) return null;
  if (record.start === null || record.end === null) return null;
  return {
    key: holdKey(record),
    employeeId: record.employeeId,
    managerId: record.managerId,
    start: record.start,
    end: record.end,
  };
}

/** Keeps the pass's holds in step with a record just written. */
export function track(pass: TenantPass, record: ConversationRecord): void {
  const hold = holdOf(record);
  if (hold) pass.holds.hold(hold);
  else pass.holds.release(holdKey(record));
}

/** The skip reason when another pass holds or just changed a record. */
export const ANOTHER_RUN = 'another run is booking this pair';
