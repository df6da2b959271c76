/** The shape of a simulated organisation: what Entra ID and Exchange would hold for each person. */

export type DayOfWeek =
  'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface DemoWorkingHours {
  daysOfWeek: DayOfWeek[];
  /** Local wall-clock time, `HH:mm:ss`. */
  startTime: string;
  endTime: string;
  /** IANA or Windows time-zone name, as Exchange reports it. */
  timeZone: { name: string };
}

/** A busy block on a person's calendar (not a career conversation), UTC ISO instants. */
export interface DemoBusyBlock {
  start: string;
  end: string;
  subject: string;
  showAs: 'busy' | 'tentative' | 'oof' | 'workingElsewhere';
}

export interface DemoUser {
  id: string;
  tenantId: string;
  displayName: string;
  givenName: string;
  surname: string;
  /** null for people without a mailbox. */
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  managerId: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  /** Holds the app role `Admin` for Career Board (tenant settings). */
  isCareerBoardAdmin: boolean;
  mailboxSettings: { timeZone: string; workingHours: DemoWorkingHours };
  busy: DemoBusyBlock[];
}

export interface DemoTenant {
  id: string;
  displayName: string;
  domain: string;
  /** The group the local stack seeds as the tenant's pilot; none leaves the safe default. */
  pilotGroupId?: string;
}

/** An Entra group: members are user or group ids (nested groups count transitively). */
export interface DemoGroup {
  id: string;
  tenantId: string;
  displayName: string;
  securityEnabled: boolean;
  memberIds: string[];
}

export interface DemoDirectory {
  tenants: DemoTenant[];
  users: DemoUser[];
  groups?: DemoGroup[];
}
