import type { DayOfWeek, DemoUser, DemoWorkingHours } from './types';
import type { Office } from './timeZones';

/** Builds DemoUser records the same way for the hand-written cast and for generated orgs. */

export type HoursKind = 'standard' | 'early' | 'partTime';

const MONDAY_TO_FRIDAY: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const MONDAY_TO_THURSDAY: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday'];

export function workingHours(kind: HoursKind, zoneName: string): DemoWorkingHours {
  switch (kind) {
    case 'early':
      return {
        daysOfWeek: [...MONDAY_TO_FRIDAY],
        startTime: '08:00:00',
        endTime: '16:00:00',
        timeZone: { name: zoneName },
      };
    case 'partTime':
      return {
        daysOfWeek: [...MONDAY_TO_THURSDAY],
        startTime: '09:00:00',
        endTime: '17:00:00',
        timeZone: { name: zoneName },
      };
    case 'standard':
      return {
        daysOfWeek: [...MONDAY_TO_FRIDAY],
        startTime: '09:00:00',
        endTime: '17:00:00',
        timeZone: { name: zoneName },
      };
  }
}

export interface PersonSpec {
  id: string;
  tenantId: string;
  domain: string;
  givenName: string;
  surname: string;
  /** Mail nickname, unique in the tenant, e.g. `nia.adeyemi`. */
  alias: string;
  jobTitle: string;
  department: string;
  office: Office;
  /** e.g. `4/210`: building floor and room. */
  desk: string;
  managerId: string | null;
  hours: HoursKind;
  /** Report the zone by its Windows name, as many Exchange mailboxes do. */
  windowsZoneName?: boolean;
  accountEnabled?: boolean;
  /** A guest's home address; makes the person a B2B guest (`userType` Guest). */
  guestHomeMail?: string;
  /** False for people without an Exchange mailbox (`mail` is null). */
  hasMailbox?: boolean;
  isCareerBoardAdmin?: boolean;
}

export function makeUser(spec: PersonSpec): DemoUser {
  const zoneName = spec.windowsZoneName ? spec.office.windows : spec.office.iana;
  const guest = spec.guestHomeMail !== undefined;
  const mail = guest
    ? (spec.guestHomeMail ?? null)
    : spec.hasMailbox === false
      ? null
      : `${spec.alias}@${spec.domain}`;
  // B2B guests get a UPN rewritten from their home address, as Entra does: a_b.example#EXT#@host.
  const userPrincipalName = guest
    ? `${(spec.guestHomeMail ?? spec.alias).replace('@', '_')}#EXT#@${spec.domain}`
    : `${spec.alias}@${spec.domain}`;
  return {
    id: spec.id,
    tenantId: spec.tenantId,
    displayName: `${spec.givenName} ${spec.surname}`,
    givenName: spec.givenName,
    surname: spec.surname,
    mail,
    userPrincipalName,
    jobTitle: spec.jobTitle,
    department: spec.department,
    officeLocation: `${spec.office.city} ${spec.desk}`,
    managerId: spec.managerId,
    accountEnabled: spec.accountEnabled ?? true,
    userType: guest ? 'Guest' : 'Member',
    isCareerBoardAdmin: spec.isCareerBoardAdmin ?? false,
    mailboxSettings: { timeZone: zoneName, workingHours: workingHours(spec.hours, zoneName) },
    busy: [],
  };
}

/** A mail nickname from a name: lowercase ASCII, diacritics dropped (`Elif Yılmaz` → `elif.yilmaz`). */
export function aliasFor(givenName: string, surname: string): string {
  const ascii = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ı/g, 'i')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
  return `${ascii(givenName)}.${ascii(surname)}`;
}
