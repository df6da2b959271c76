import type { DemoDirectory, DemoGroup, DemoTenant, DemoUser } from './types';
import { demoGroupId, pilotGroup } from './pilotGroups';
import { busyHorizon } from './busyCalendar';
import { aliasFor, makeUser } from './people';
import type { HoursKind } from './people';
import { demoUserId, hashSeed } from './prng';
import { OFFICES } from './timeZones';
import type { OfficeKey } from './timeZones';
import { addTeamCalendars } from './teamCalendars';

/**
 * The demo organisations the local stack starts with.
 *
 * Contoso (45 people, 4 levels, Seattle / New York / Berlin / Bengaluru):
 * - Amara Okafor, CEO (Seattle) → four VPs: Sofia Martínez (Engineering, Berlin), Rajesh Iyer
 *   (Customer Support, Bengaluru), Marcus Johnson (Sales, New York), Yuki Tanaka (People, Seattle,
 *   Career Board admin).
 * - Engineering: Tobias Becker manages Platform (Berlin): Nia Adeyemi (`DEMO.contoso.employee`),
 *   Mateo Rossi (`peer`, a week out of office), Hannah Schulz (08:00–16:00), Omar Haddad
 *   (Bengaluru), Elif Yılmaz (part time, Mon–Thu). Aisha Rahman manages Apps (Seattle); Diego
 *   Fernández there has left (`disabled`).
 * - Customer Support: Kavya Nair (`bigTeamManager`) has 22 reports across three zones; Deepa
 *   Krishnan is a new hire without a mailbox (`noMailbox`).
 * - Sales: Daniel Kim's team includes Noah Williams, a B2B guest from Northwind (`guest`).
 * - People: Fatima Al-Sayed, People Operations Lead, second Career Board admin.
 *
 * Fabrikam (6 people, 2 levels, London / Berlin): Claire Dubois and her five reports.
 *
 * Each tenant has a "Career Board pilot" security group of all its people (Contoso's holds its
 * support desk through a nested "Customer Support" group) and Contoso an "All Company" Microsoft
 * 365 group. The local stack seeds Contoso with its pilot chosen, so the demo books; Fabrikam has
 * none chosen, the state a fresh deployment starts in: it books nobody until an admin picks one.
 *
 * Ids are derived from tenant and person key, so they never change; busy blocks depend only on
 * the quarter containing `now`.
 */

const CONTOSO: DemoTenant = {
  id: '7b0c5a3e-1d2f-4c6b-9a8e-c0a7050c0001',
  displayName: 'Contoso',
  domain: 'contoso.example',
};
const FABRIKAM: DemoTenant = {
  id: '5f1d8e2a-3b4c-4d5e-8f90-fab000000002',
  displayName: 'Fabrikam',
  domain: 'fabrikam.example',
};

interface CastMember {
  key: string;
  given: string;
  surname: string;
  title: string;
  department: string;
  office: OfficeKey;
  /** The manager's key. */
  manager: string | null;
  hours?: HoursKind;
  windowsZone?: boolean;
  disabled?: boolean;
  guestHomeMail?: string;
  noMailbox?: boolean;
  admin?: boolean;
}

type CastRow = [
  key: string,
  given: string,
  surname: string,
  title: string,
  department: string,
  office: OfficeKey,
  manager: string | null,
  extra?: Partial<CastMember>,
];

const SUPPORT = 'Customer Support';

const CONTOSO_CAST: CastRow[] = [
  [
    'ceo',
    'Amara',
    'Okafor',
    'Chief Executive Officer',
    'Executive',
    'seattle',
    null,
    { windowsZone: true },
  ],
  ['vp-eng', 'Sofia', 'Martínez', 'VP of Engineering', 'Engineering', 'berlin', 'ceo'],
  [
    'vp-support',
    'Rajesh',
    'Iyer',
    'VP of Customer Support',
    SUPPORT,
    'bengaluru',
    'ceo',
    { windowsZone: true },
  ],
  ['vp-sales', 'Marcus', 'Johnson', 'VP of Sales', 'Sales', 'newYork', 'ceo'],
  ['vp-people', 'Yuki', 'Tanaka', 'VP of People', 'People', 'seattle', 'ceo', { admin: true }],
  [
    'em-platform',
    'Tobias',
    'Becker',
    'Engineering Manager, Platform',
    'Engineering',
    'berlin',
    'vp-eng',
  ],
  [
    'em-apps',
    'Aisha',
    'Rahman',
    'Engineering Manager, Apps',
    'Engineering',
    'seattle',
    'vp-eng',
    { windowsZone: true },
  ],
  ['support-manager', 'Kavya', 'Nair', 'Support Manager', SUPPORT, 'bengaluru', 'vp-support'],
  [
    'sales-director',
    'Daniel',
    'Kim',
    'Director of Enterprise Sales',
    'Sales',
    'newYork',
    'vp-sales',
  ],
  [
    'people-ops',
    'Fatima',
    'Al-Sayed',
    'People Operations Lead',
    'People',
    'seattle',
    'vp-people',
    { admin: true },
  ],
  ['nia', 'Nia', 'Adeyemi', 'Software Engineer', 'Engineering', 'berlin', 'em-platform'],
  [
    'mateo',
    'Mateo',
    'Rossi',
    'Senior Software Engineer',
    'Engineering',
    'berlin',
    'em-platform',
    { windowsZone: true },
  ],
  [
    'hannah',
    'Hannah',
    'Schulz',
    'Site Reliability Engineer',
    'Engineering',
    'berlin',
    'em-platform',
    { hours: 'early' },
  ],
  ['omar', 'Omar', 'Haddad', 'Software Engineer', 'Engineering', 'bengaluru', 'em-platform'],
  [
    'elif',
    'Elif',
    'Yılmaz',
    'Staff Software Engineer',
    'Engineering',
    'berlin',
    'em-platform',
    { hours: 'partTime' },
  ],
  [
    'ethan',
    'Ethan',
    'Brooks',
    'Frontend Engineer',
    'Engineering',
    'seattle',
    'em-apps',
    { windowsZone: true },
  ],
  ['grace', 'Grace', 'Liu', 'Product Designer', 'Engineering', 'seattle', 'em-apps'],
  [
    'diego',
    'Diego',
    'Fernández',
    'Software Engineer',
    'Engineering',
    'seattle',
    'em-apps',
    { disabled: true },
  ],
  ['zara', 'Zara', 'Ahmed', 'QA Engineer', 'Engineering', 'newYork', 'em-apps', { hours: 'early' }],
  ...supportTeam(),
  [
    'olivia',
    'Olivia',
    'Bennett',
    'Account Executive',
    'Sales',
    'newYork',
    'sales-director',
    { windowsZone: true },
  ],
  [
    'samuel',
    'Samuel',
    'Osei',
    'Sales Engineer',
    'Sales',
    'newYork',
    'sales-director',
    { hours: 'early' },
  ],
  ['isabella', 'Isabella', 'Costa', 'Account Manager', 'Sales', 'seattle', 'sales-director'],
  [
    'guest-noah',
    'Noah',
    'Williams',
    'Partner Consultant (Northwind)',
    'Sales',
    'newYork',
    'sales-director',
    { guestHomeMail: 'noah.williams@northwind.example' },
  ],
];

/** Kavya Nair's follow-the-sun support desk: 22 people, mostly Bengaluru. */
function supportTeam(): CastRow[] {
  const people: [string, string, string, OfficeKey, Partial<CastMember>?][] = [
    ['Arjun', 'Mehta', 'Senior Support Engineer', 'bengaluru'],
    ['Sneha', 'Reddy', 'Support Engineer', 'bengaluru', { hours: 'early' }],
    ['Vikram', 'Singh', 'Support Engineer', 'bengaluru', { windowsZone: true }],
    ['Ananya', 'Gupta', 'Technical Support Engineer', 'bengaluru'],
    ['Rohan', 'Das', 'Support Engineer', 'bengaluru'],
    ['Meera', 'Pillai', 'Senior Support Engineer', 'bengaluru'],
    ['Karthik', 'Subramanian', 'Support Specialist', 'bengaluru', { windowsZone: true }],
    ['Divya', 'Menon', 'Support Engineer', 'bengaluru'],
    ['Aditya', 'Kulkarni', 'Technical Support Engineer', 'bengaluru'],
    ['Pooja', 'Bhat', 'Support Specialist', 'bengaluru'],
    ['Farhan', 'Qureshi', 'Support Engineer', 'bengaluru'],
    ['Lakshmi', 'Narayanan', 'Senior Support Engineer', 'bengaluru'],
    ['Siddharth', 'Rao', 'Support Engineer', 'bengaluru', { windowsZone: true }],
    ['Nandini', 'Joshi', 'Support Specialist', 'bengaluru'],
    ['Imran', 'Sheikh', 'Support Engineer', 'bengaluru'],
    ['Tanvi', 'Desai', 'Technical Support Engineer', 'bengaluru'],
    ['Harpreet', 'Kaur', 'Support Engineer', 'bengaluru'],
    ['Rahul', 'Verma', 'Support Specialist', 'bengaluru'],
    ['Deepa', 'Krishnan', 'Support Engineer', 'bengaluru', { noMailbox: true }],
    ['Luca', 'Bianchi', 'Support Engineer', 'berlin'],
    ['Chloé', 'Martin', 'Support Engineer', 'berlin', { windowsZone: true }],
    ['Jamal', 'Carter', 'Support Engineer', 'seattle', { hours: 'early' }],
  ];
  return people.map(([given, surname, title, office, extra]) => [
    aliasFor(given, surname),
    given,
    surname,
    title,
    SUPPORT,
    office,
    'support-manager',
    extra,
  ]);
}

const FABRIKAM_CAST: CastRow[] = [
  [
    'head-ops',
    'Claire',
    'Dubois',
    'Head of Operations',
    'Operations',
    'london',
    null,
    { admin: true },
  ],
  ['tom', 'Tom', 'Wright', 'Operations Analyst', 'Operations', 'london', 'head-ops'],
  [
    'aaliyah',
    'Aaliyah',
    'Brown',
    'Logistics Coordinator',
    'Operations',
    'london',
    'head-ops',
    { windowsZone: true },
  ],
  ['ivan', 'Ivan', 'Petrov', 'Supply Chain Planner', 'Operations', 'berlin', 'head-ops'],
  [
    'mia',
    'Mia',
    'Schneider',
    'Procurement Specialist',
    'Operations',
    'berlin',
    'head-ops',
    { hours: 'early' },
  ],
  ['kenji', 'Kenji', 'Watanabe', 'Operations Analyst', 'Operations', 'london', 'head-ops'],
];

/** Well-known demo people, for tests and the "sign in as" picker. */
export const DEMO = {
  contoso: {
    tenantId: CONTOSO.id,
    domain: CONTOSO.domain,
    ceo: demoUserId(CONTOSO.id, 'ceo'),
    /** Nia Adeyemi: has a manager who has a manager. */
    employee: demoUserId(CONTOSO.id, 'nia'),
    /** Tobias Becker. */
    manager: demoUserId(CONTOSO.id, 'em-platform'),
    /** Sofia Martínez, Tobias's manager. */
    skipLevel: demoUserId(CONTOSO.id, 'vp-eng'),
    /** Mateo Rossi: same manager as Nia; out of office for a week. */
    peer: demoUserId(CONTOSO.id, 'mateo'),
    /** Kavya Nair: 22 direct reports. */
    bigTeamManager: demoUserId(CONTOSO.id, 'support-manager'),
    /** Diego Fernández: accountEnabled false. */
    disabled: demoUserId(CONTOSO.id, 'diego'),
    /** Noah Williams: B2B guest. */
    guest: demoUserId(CONTOSO.id, 'guest-noah'),
    /** Deepa Krishnan: no mailbox (mail null). */
    noMailbox: demoUserId(CONTOSO.id, aliasFor('Deepa', 'Krishnan')),
    /** Elif Yılmaz: works Monday to Thursday. */
    partTimer: demoUserId(CONTOSO.id, 'elif'),
    /** Yuki Tanaka, VP of People: Career Board admin. */
    admin: demoUserId(CONTOSO.id, 'vp-people'),
    /** Fatima Al-Sayed: the second admin. */
    secondAdmin: demoUserId(CONTOSO.id, 'people-ops'),
  },
  fabrikam: {
    tenantId: FABRIKAM.id,
    domain: FABRIKAM.domain,
    /** Tom Wright. */
    employee: demoUserId(FABRIKAM.id, 'tom'),
    /** Claire Dubois. */
    manager: demoUserId(FABRIKAM.id, 'head-ops'),
  },
} as const;

/** Week of the current quarter in which Mateo Rossi is away. */
const PEER_OOF_WEEK = 3;

export function buildDemoDirectory(now: Date): DemoDirectory {
  const horizon = busyHorizon(now);
  const contoso = castToUsers(CONTOSO, CONTOSO_CAST);
  const fabrikam = castToUsers(FABRIKAM, FABRIKAM_CAST);
  addTeamCalendars(contoso, horizon, {
    outOfOffice: { userId: DEMO.contoso.peer, week: PEER_OOF_WEEK },
  });
  addTeamCalendars(fabrikam, horizon);
  const groups = demoGroups(contoso, fabrikam);
  return {
    tenants: [{ ...CONTOSO, pilotGroupId: groups[0]!.id }, { ...FABRIKAM }],
    users: [...contoso, ...fabrikam],
    groups,
  };
}

/** Contoso's pilot (first), its nested support group and an M365 group; Fabrikam's pilot. */
function demoGroups(contoso: DemoUser[], fabrikam: DemoUser[]): DemoGroup[] {
  const support: DemoGroup = {
    id: demoGroupId(CONTOSO.id, 'customer-support'),
    tenantId: CONTOSO.id,
    displayName: SUPPORT,
    securityEnabled: true,
    memberIds: contoso.filter((u) => u.department === SUPPORT).map((u) => u.id),
  };
  const allCompany: DemoGroup = {
    id: demoGroupId(CONTOSO.id, 'all-company'),
    tenantId: CONTOSO.id,
    displayName: 'All Company',
    securityEnabled: false,
    memberIds: contoso.map((u) => u.id),
  };
  return [
    pilotGroup(CONTOSO, contoso, [support]),
    support,
    allCompany,
    pilotGroup(FABRIKAM, fabrikam),
  ];
}

function castToUsers(tenant: DemoTenant, cast: CastRow[]): DemoUser[] {
  return cast.map(([key, given, surname, title, department, office, manager, extra = {}]) => {
    const seed = hashSeed(`${tenant.id}:${key}`);
    return makeUser({
      id: demoUserId(tenant.id, key),
      tenantId: tenant.id,
      domain: tenant.domain,
      givenName: given,
      surname,
      alias: aliasFor(given, surname),
      jobTitle: title,
      department,
      office: OFFICES[office],
      desk: `${1 + (seed % 6)}/${100 + (seed % 97)}`,
      managerId: manager ? demoUserId(tenant.id, manager) : null,
      hours: extra.hours ?? 'standard',
      windowsZoneName: extra.windowsZone,
      accountEnabled: !extra.disabled,
      guestHomeMail: extra.guestHomeMail,
      hasMailbox: !extra.noMailbox,
      isCareerBoardAdmin: extra.admin,
    });
  });
}
