import type { DirectoryPerson } from './directoryPerson';

/**
 * Applies one `/users/delta` item to what we knew of that person. Delta items carry only what
 * changed (plus the id), and the manager arrives as `manager@delta`, so a missing property keeps
 * its old value.
 */

export interface DeltaUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
  'manager@delta'?: { id: string; '@removed'?: unknown }[];
  '@removed'?: { reason?: string };
}

export interface MergeResult {
  person: DirectoryPerson;
  managerChanged: boolean;
}

export function mergeDeltaUser(
  tenantId: string,
  known: DirectoryPerson | undefined,
  change: DeltaUser,
  now: string,
  firstSync: boolean,
): MergeResult {
  const id = change.id.toLowerCase();
  const base: DirectoryPerson = known ?? {
    type: 'person',
    id,
    pk: tenantId,
    tenantId,
    displayName: '',
    mail: null,
    jobTitle: null,
    department: null,
    officeLocation: null,
    managerId: null,
    accountEnabled: true,
    userType: 'Member',
    eligible: false,
    managerChangedAt: null,
    previousManagerId: null,
    removed: false,
  };
  const pick = <K extends keyof DeltaUser>(key: K, fallback: NonNullable<DeltaUser[K]> | null) =>
    key in change ? (change[key] ?? null) : fallback;

  let managerId = base.managerId;
  const managerDelta = change['manager@delta'];
  if (managerDelta !== undefined) {
    const current = managerDelta.find((m) => m['@removed'] === undefined);
    managerId = current ? current.id.toLowerCase() : null;
  }
  const removed = change['@removed'] !== undefined;
  const person: DirectoryPerson = {
    ...base,
    displayName: (pick('displayName', base.displayName) as string | null) ?? base.displayName,
    mail: pick('mail', base.mail) as string | null,
    jobTitle: pick('jobTitle', base.jobTitle) as string | null,
    department: pick('department', base.department) as string | null,
    officeLocation: pick('officeLocation', base.officeLocation ?? null) as string | null,
    accountEnabled:
      (pick('accountEnabled', base.accountEnabled) as boolean | null) ?? base.accountEnabled,
    userType: (pick('userType', base.userType) as string | null) ?? base.userType,
    managerId,
    removed,
  };
  person.eligible =
    !person.removed &&
    person.accountEnabled &&
    person.userType === 'Member' &&
    Boolean(person.mail);
  // Only a change seen after the first sync is news; on the first sync everyone is "new".
  const managerChanged =
    !firstSync && known !== undefined && known.managerId !== managerId && managerId !== null;
  if (managerChanged) {
    person.previousManagerId = known.managerId;
    person.managerChangedAt = now;
  }
  return { person, managerChanged };
}
