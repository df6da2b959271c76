import type { DemoBusyBlock, DemoDirectory, DemoTenant, DemoUser } from './types';
import { pilotGroup } from './pilotGroups';
import { busyBlock, busyHorizon, byStart } from './busyCalendar';
import type { BusyHorizon } from './busyCalendar';
import { DEPARTMENTS, GIVEN_NAMES, SURNAMES } from './names';
import { aliasFor, makeUser } from './people';
import type { HoursKind } from './people';
import { createPrng, deterministicGuid, hashSeed } from './prng';
import type { Prng } from './prng';
import { OFFICES, parseTimeOfDay } from './timeZones';
import type { Office } from './timeZones';

/**
 * Generates an organisation of any size for load tests and the 10,000-person sync: a tree filled
 * level by level with spans of 5–12, so depth grows with size (about five levels at 10,000).
 * The structure depends only on tenant and seed; busy blocks also on the quarter of `now`. Each
 * person gets a handful of one-off busy blocks (not weekly series) to keep memory small.
 */

export interface GenerateOrgOptions {
  tenantId: string;
  tenantName: string;
  domain: string;
  size: number;
  seed: number | string;
  now: Date;
}

const MIN_SPAN = 5;
const MAX_SPAN = 12;
const ALL_OFFICES: readonly Office[] = Object.values(OFFICES);
const BUSY_SUBJECTS = [
  'Project review',
  'Customer call',
  'Planning',
  'Interview panel',
  'Training',
  'Design review',
];
const BUSY_DURATIONS = [30, 60, 60, 90, 120];

interface Node {
  index: number;
  level: number;
  manager: number | null;
  department: number | null;
  office: Office;
  reports: number;
}

export function generateOrg(options: GenerateOrgOptions): DemoDirectory {
  const { tenantId, domain } = options;
  const size = Math.floor(options.size);
  if (!Number.isFinite(size) || size < 1) throw new RangeError('size must be at least 1');
  const random = createPrng(hashSeed(`${tenantId}:${options.seed}:structure`));
  const nodes = buildTree(size, random);
  const ids = nodes.map((n) => deterministicGuid(`${tenantId}:${options.seed}:${n.index}`));
  const admins = pickAdmins(nodes);
  const aliases = new Map<string, number>();

  const users: DemoUser[] = nodes.map((node) => {
    const givenName = random.pick(GIVEN_NAMES);
    const surname = random.pick(SURNAMES);
    const alias = uniqueAlias(aliasFor(givenName, surname), aliases);
    const isIc = node.reports === 0;
    const oddity = random.next();
    return makeUser({
      id: ids[node.index],
      tenantId,
      domain,
      givenName,
      surname,
      alias,
      jobTitle: titleFor(node, random),
      department: node.department === null ? 'Executive' : DEPARTMENTS[node.department].name,
      office: node.office,
      desk: `${random.int(1, 9)}/${random.int(100, 450)}`,
      managerId: node.manager === null ? null : ids[node.manager],
      hours: pickHours(random),
      windowsZoneName: random.chance(0.3),
      // A few individual contributors are unusual, as in any real tenant.
      accountEnabled: !(isIc && oddity < 0.01),
      guestHomeMail:
        isIc && oddity >= 0.01 && oddity < 0.015 ? `${alias}@partner.example` : undefined,
      hasMailbox: !(isIc && oddity >= 0.015 && oddity < 0.02),
      isCareerBoardAdmin: admins.has(node.index),
    });
  });

  addOneOffBusyBlocks(users, busyHorizon(options.now), `${tenantId}:${options.seed}`);
  const tenant: DemoTenant = { id: tenantId, displayName: options.tenantName, domain };
  // Chosen as the pilot, so a generated org books everyone as a benchmark expects.
  const pilot = pilotGroup(tenant, users);
  return { tenants: [{ ...tenant, pilotGroupId: pilot.id }], users, groups: [pilot] };
}

/** Breadth-first: every manager gets 5–12 reports until the head count is reached. */
function buildTree(size: number, random: Prng): Node[] {
  const nodes: Node[] = [
    {
      index: 0,
      level: 0,
      manager: null,
      department: null,
      office: random.pick(ALL_OFFICES),
      reports: 0,
    },
  ];
  let departmentCursor = random.int(0, DEPARTMENTS.length - 1);
  for (let head = 0; nodes.length < size; head++) {
    const manager = nodes[head];
    const span = spanFor(size - nodes.length, random);
    for (let i = 0; i < span; i++) {
      const department = manager.department ?? departmentCursor++ % DEPARTMENTS.length;
      nodes.push({
        index: nodes.length,
        level: manager.level + 1,
        manager: manager.index,
        department,
        office:
          manager.level === 0 || random.chance(0.15) ? random.pick(ALL_OFFICES) : manager.office,
        reports: 0,
      });
    }
    manager.reports = span;
  }
  return nodes;
}

/** A span of 5–12 that never leaves fewer than 5 people for the last manager. */
function spanFor(remaining: number, random: Prng): number {
  if (remaining <= MAX_SPAN) return remaining;
  const span = random.int(MIN_SPAN, MAX_SPAN);
  const left = remaining - span;
  return left > 0 && left < MIN_SPAN ? remaining - MIN_SPAN : span;
}

function titleFor(node: Node, random: Prng): string {
  if (node.level === 0) return 'Chief Executive Officer';
  const department = DEPARTMENTS[node.department ?? 0];
  if (node.reports > 0) {
    if (node.level === 1) return `VP of ${department.name}`;
    if (node.level === 2) return `Director of ${department.name}`;
    return node.level === 3 ? `Senior Manager, ${department.name}` : `${department.name} Manager`;
  }
  return random.pick(department.roles);
}

function pickHours(random: Prng): HoursKind {
  const roll = random.next();
  return roll < 0.8 ? 'standard' : roll < 0.95 ? 'early' : 'partTime';
}

/** The head of People and their first report, or the CEO when the org is too small for either. */
function pickAdmins(nodes: Node[]): Set<number> {
  const peopleDepartment = DEPARTMENTS.findIndex((d) => d.name === 'People');
  const head = nodes.find((n) => n.level === 1 && n.department === peopleDepartment);
  if (!head) return new Set([0]);
  const deputy = nodes.find((n) => n.manager === head.index);
  return new Set(deputy ? [head.index, deputy.index] : [head.index]);
}

function uniqueAlias(base: string, seen: Map<string, number>): string {
  const count = (seen.get(base) ?? 0) + 1;
  seen.set(base, count);
  return count === 1 ? base : `${base}${count}`;
}

/** Three to five blocks per person with a calendar, at random inside their working hours. */
function addOneOffBusyBlocks(users: DemoUser[], horizon: BusyHorizon, seed: string): void {
  const random = createPrng(hashSeed(`${seed}:busy:${horizon.start.toISOString()}`));
  for (const user of users) {
    if (!user.accountEnabled || user.mail === null || user.userType !== 'Member') continue;
    const hours = user.mailboxSettings.workingHours;
    const start = parseTimeOfDay(hours.startTime);
    const end = parseTimeOfDay(hours.endTime);
    const blocks: DemoBusyBlock[] = [];
    const wanted = random.int(3, 5);
    for (let attempt = 0; blocks.length < wanted && attempt < wanted * 4; attempt++) {
      const day = random.pick(horizon.days);
      if (!hours.daysOfWeek.includes(day.weekday)) continue;
      const duration = random.pick(BUSY_DURATIONS);
      const slots = Math.floor((end - start - duration) / 30);
      const at = start + random.int(0, slots) * 30;
      const showAs = random.chance(0.15) ? 'tentative' : 'busy';
      blocks.push(
        busyBlock(day.date, at, duration, hours.timeZone.name, random.pick(BUSY_SUBJECTS), showAs),
      );
    }
    user.busy = blocks.sort(byStart);
  }
}
