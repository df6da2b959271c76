/** A person in the org chart as last synced from Graph: what booking and access decisions read. */
export interface DirectoryPerson {
  type: 'person';
  id: string;
  pk: string;
  tenantId: string;
  displayName: string;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  /** Graph's officeLocation ("Berlin 4.12"): which office's non-working dates apply. Absent on older records. */
  officeLocation?: string | null;
  managerId: string | null;
  accountEnabled: boolean;
  userType: string;
  /** A member with an enabled account and a mailbox: someone we can book. */
  eligible: boolean;
  /** When the manager last changed (not on the first sync): a new pair talks early. */
  managerChangedAt: string | null;
  previousManagerId: string | null;
  removed: boolean;
}
