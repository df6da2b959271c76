import type { TenantSettings } from '../contract/settingsContract';
import { boardPartitionKey } from '../domain/board/records';
import { conversationId, followUp, transactionIdFor } from '../domain/conversations/records';
import type {
  ConversationReason,
  ConversationRecord,
  EventState,
} from '../domain/conversations/records';
import type {
  IsoInterval,
  QuarterKey,
  ReportSchedule,
  SchedulingParticipant,
  WorkingHours,
} from '../domain/scheduling';
import {
  findSlots,
  firstConversationWindow,
  GET_SCHEDULE_MAX_DAYS,
  nextQuarter,
  parseScheduleInformation,
  quarterlyConversationWindow,
  quarterOf,
} from '../domain/scheduling';
import { createCalendarGateway } from '../graph/calendarGateway';
import type { BookedEvent, CalendarGateway } from '../graph/calendarGateway';
import { graphStatus } from '../graph/graphStatus';
import { forEachConcurrently } from '../graph/mailboxLimiter';
import type { Services } from '../services';
import type { Stored } from '../store/boardRepository';
import type { DirectoryPerson } from '../store/directoryRepository';
import { agendaForPair } from './agendaForPair';
import { completeBooking } from './booking';
import { syncOrgChart } from './orgSync';
import type { PassSummary } from './passSummary';
import { emptySummary, note } from './passSummary';

/**
 * The daily pass that makes sure every employee–manager pair has its career conversation this
 * quarter: sync the org chart, follow up booked events, resume interrupted bookings, then find
 * slots and book the rest. Every step can be repeated; a pass that runs out of time stops between
 * pairs and the next one carries on.
 */

export interface PassOptions {
  now?: Date;
  progress?: (message: string) => void;
  /** Overrides the configured budget (tests). */
  budgetMs?: number;
}

const DAY_MS = 86_400_000;
/** Conversations are booked at least this far ahead, so nobody is surprised by one in an hour. */
const LEAD_TIME_MS = DAY_MS;
/** getSchedule takes at most 20 schedules: the manager and 19 reports. */
const REPORTS_PER_SCHEDULE_CALL = 19;
const ACTIVE = new Set(['pending', 'scheduled', 'held']);

interface Pair {
  employee: DirectoryPerson;
  manager: DirectoryPerson;
  reason: ConversationReason;
}

export async function runSchedulePass(
  services: Services,
  options: PassOptions = {},
): Promise<PassSummary> {
  const started = options.now ?? services.now();
  const clockStart = Date.now();
  const deadline =
    clockStart + (options.budgetMs ?? services.config.scheduler.budgetSeconds * 1000);
  const progress = options.progress ?? (() => undefined);
  const summary = emptySummary(started);
  const tenants = [
    ...new Set([
      ...services.config.scheduler.tenants,
      ...(await services.settings.tenantsWithSettings()),
    ]),
  ];
  summary.tenants = tenants.length;
  const outOfTime = () => Date.now() > deadline;

  for (const tenantId of tenants) {
    if (outOfTime()) {
      summary.stoppedEarly = true;
      break;
    }
    try {
      await passForTenant(services, tenantId, started, summary, progress, outOfTime);
    } catch (error) {
      note(summary, 'failed', `tenant pass failed: ${errorText(error)}`, {
        tenantId,
        employeeId: '',
        managerId: null,
      });
      progress(`Tenant ${tenantId}: failed (${errorText(error)}); the next run retries.`);
    }
  }
  summary.durationMs = Date.now() - clockStart;
  return summary;
}

async function passForTenant(
  services: Services,
  tenantId: string,
  now: Date,
  summary: PassSummary,
  progress: (m: string) => void,
  outOfTime: () => boolean,
): Promise<void> {
  const { settings } = await services.settings.read(tenantId);
  const sync = await syncOrgChart(services, tenantId, now);
  summary.orgSync.requests += sync.requests;
  summary.orgSync.changes += sync.changes;
  summary.graphRequests += sync.requests;
  if (sync.full) summary.orgSync.fullReads++;
  progress(
    `Tenant ${tenantId}: org chart synced (${sync.full ? 'full read' : 'changes only'}, ${sync.changes} people, ${sync.requests} request(s)).`,
  );

  const calendar = createCalendarGateway(services.graphFor(tenantId), services.mailboxLimiter);
  const quarter = quarterOf(now);
  const quarters: QuarterKey[] = [quarter, nextQuarter(quarter)];
  const records = await services.conversations.listForTenant(tenantId, quarters);
  const newManagerIds = new Set(sync.managerChanges.map((p) => p.id));

  // A new manager: the board moves with the employee (it is keyed by the employee alone), the
  // history says so, and the old pair's upcoming conversation is called off.
  for (const person of sync.managerChanges) {
    summary.managerChanges++;
    await recordManagerChange(services, calendar, tenantId, person, records, now);
  }

  const pairs = eligiblePairs(sync.people, settings, newManagerIds, now);
  summary.pairsSeen += pairs.length;
  const byPair = new Map<string, Stored<ConversationRecord>[]>();
  for (const r of records) {
    const key = `${r.employeeId}|${r.managerId}`;
    byPair.set(key, [...(byPair.get(key) ?? []), r]);
  }

  const toBook: { pair: Pair; record: Stored<ConversationRecord> | null }[] = [];
  const toResume: { pair: Pair; record: Stored<ConversationRecord> }[] = [];
  const toFollow: { pair: Pair; record: Stored<ConversationRecord> }[] = [];
  for (const pair of pairs) {
    const mine = byPair.get(`${pair.employee.id}|${pair.manager.id}`) ?? [];
    const relevant =
      pair.reason === 'new-manager' ? mine : mine.filter((r) => r.quarter === quarter);
    const attention = relevant.find((r) => r.status === 'needs-attention');
    const active = relevant.find((r) => ACTIVE.has(r.status));
    if (active?.status === 'pending') toResume.push({ pair, record: active });
    else if (active?.status === 'scheduled') toFollow.push({ pair, record: active });
    else if (active?.status === 'held') summary.alreadyBooked++;
    else if (attention)
      note(
        summary,
        'skipped',
        'rebooked too often: flagged on the team view',
        pairRef(tenantId, pair),
      );
    else toBook.push({ pair, record: null });
  }
  progress(
    `Tenant ${tenantId}: ${pairs.length} pairs; ${toFollow.length} booked to check, ${toResume.length} to resume, ${toBook.length} to book.`,
  );

  // 1. Follow up booked events (read in $batch round trips): declined or cancelled ones go back to booking.
  const events = await calendar.getEvents(
    toFollow
      .filter(({ record }) => record.event !== null)
      .map(({ pair, record }) => ({
        key: record.pk,
        organizerId: record.managerId,
        eventId: record.event!.id,
        attendeeMail: pair.employee.mail ?? '',
      })),
  );
  await forEachConcurrently(toFollow, 16, async ({ pair, record }) => {
    if (outOfTime()) return void (summary.stoppedEarly = true);
    const event = record.event ? events.get(record.pk) : null;
    if (event === undefined) {
      note(
        summary,
        'failed',
        'follow-up: the event could not be read; the next run retries',
        pairRef(tenantId, pair),
      );
      return;
    }
    try {
      const outcome = await followUpBooked(services, calendar, record, event, now);
      if (outcome.kind === 'rebook') {
        toBook.push({ pair, record: outcome.record });
      } else if (outcome.kind === 'held') summary.held++;
      else if (outcome.kind === 'moved') {
        summary.movedTimesUpdated++;
        summary.alreadyBooked++;
      } else if (outcome.kind === 'gave-up')
        note(
          summary,
          'skipped',
          'rebooked too often: flagged on the team view',
          pairRef(tenantId, pair),
        );
      else summary.alreadyBooked++;
    } catch (error) {
      note(summary, 'failed', `follow-up: ${errorText(error)}`, pairRef(tenantId, pair));
    }
  });

  // 2. Resume bookings a previous run started. A pending slot already in the past is chosen again.
  await forEachConcurrently(toResume, 16, async ({ pair, record }) => {
    if (outOfTime()) return void (summary.stoppedEarly = true);
    if (record.start === null || Date.parse(record.start) < now.getTime() + 60 * 60_000) {
      toBook.push({ pair, record });
      return;
    }
    try {
      await completeBooking(
        services,
        calendar,
        record,
        pair,
        () => agendaFor(services, tenantId, pair, byPair),
        true,
      );
      if (record.attempt > 1) summary.rebooked++;
      else summary.booked++;
    } catch (error) {
      note(summary, 'failed', `booking: ${errorText(error)}`, pairRef(tenantId, pair));
    }
  });

  // 3. Find slots per manager and book.
  const byManager = new Map<string, { pair: Pair; record: Stored<ConversationRecord> | null }[]>();
  for (const item of toBook)
    byManager.set(item.pair.manager.id, [...(byManager.get(item.pair.manager.id) ?? []), item]);
  const managers = [...byManager.entries()];
  let done = 0;
  await forEachConcurrently(
    managers,
    services.config.scheduler.managerConcurrency,
    async ([managerId, items]) => {
      if (outOfTime()) return void (summary.stoppedEarly = true);
      const booked = records.filter(
        (r) =>
          r.managerId === managerId &&
          (r.status === 'scheduled' || r.status === 'pending') &&
          r.start &&
          r.end,
      );
      await bookForManager(
        services,
        calendar,
        tenantId,
        items,
        settings,
        now,
        booked,
        summary,
        byPair,
        outOfTime,
      );
      done++;
      if (done % 10 === 0 || done === managers.length)
        progress(`Tenant ${tenantId}: ${done}/${managers.length} managers done.`);
    },
  );
  summary.graphRequests += calendar.requestCount();
}

function eligiblePairs(
  people: Map<string, DirectoryPerson>,
  settings: TenantSettings,
  newManagers: Set<string>,
  now: Date,
): Pair[] {
  const pairs: Pair[] = [];
  for (const employee of people.values()) {
    if (!employee.eligible || employee.managerId === null) continue;
    const manager = people.get(employee.managerId);
    if (!manager || !manager.eligible) continue;
    if (
      settings.pilot.scope === 'departments' &&
      !settings.pilot.departments.includes(employee.department ?? '')
    )
      continue;
    const recentChange =
      employee.managerChangedAt !== null &&
      now.getTime() - Date.parse(employee.managerChangedAt) < 30 * DAY_MS;
    pairs.push({
      employee,
      manager,
      reason: newManagers.has(employee.id) || recentChange ? 'new-manager' : 'quarterly',
    });
  }
  return pairs;
}

async function recordManagerChange(
  services: Services,
  calendar: CalendarGateway,
  tenantId: string,
  person: DirectoryPerson,
  records: Stored<ConversationRecord>[],
  now: Date,
): Promise<void> {
  await services.boards.appendHistory({
    type: 'history',
    id: `manager-change-${person.id}-${now.getTime()}`,
    pk: boardPartitionKey(tenantId, person.id),
    tenantId,
    employeeId: person.id,
    at: now.toISOString(),
    actor: { id: 'career-board', displayName: 'Career Board' },
    action: 'manager.changed',
    aspirationId: null,
    summary: 'The board moved to a new manager',
    changes: [{ field: 'manager', from: person.previousManagerId, to: person.managerId }],
  });
  for (const old of records.filter(
    (r) =>
      r.employeeId === person.id &&
      r.managerId !== person.managerId &&
      (r.status === 'pending' || r.status === 'scheduled'),
  )) {
    if (old.event) await calendar.cancelEvent(old.managerId, old.event.id);
    const at = now.toISOString();
    await services.conversations.replace(
      {
        ...old,
        status: 'cancelled',
        log: [
          ...old.log,
          { at, what: 'manager-changed', detail: 'the employee has a new manager' },
        ],
        updatedAt: at,
      },
      old._etag,
    );
    old.status = 'cancelled';
  }
}

type FollowUpOutcome =
  | { kind: 'unchanged' }
  | { kind: 'held' }
  | { kind: 'moved' }
  | { kind: 'gave-up' }
  | { kind: 'rebook'; record: Stored<ConversationRecord> };

async function followUpBooked(
  services: Services,
  calendar: CalendarGateway,
  record: Stored<ConversationRecord>,
  event: BookedEvent | null,
  now: Date,
): Promise<FollowUpOutcome> {
  if (!record.event) return { kind: 'unchanged' };
  const state: EventState = !event
    ? { kind: 'gone' }
    : event.isCancelled
      ? { kind: 'cancelled' }
      : event.attendeeResponse === 'declined'
        ? { kind: 'declined', by: 'employee' }
        : event.start !== record.start || event.end !== record.end
          ? { kind: 'moved', start: event.start, end: event.end }
          : { kind: 'unchanged' };
  const decision = followUp(record, state, now);
  const at = now.toISOString();
  switch (decision.action) {
    case 'none':
      return { kind: 'unchanged' };
    case 'held':
      await services.conversations.replace(
        {
          ...record,
          status: 'held',
          notesRequested: true,
          log: [...record.log, { at, what: 'held', detail: 'the meeting time has passed' }],
          updatedAt: at,
        },
        record._etag,
      );
      return { kind: 'held' };
    case 'update-time':
      await services.conversations.replace(
        {
          ...record,
          start: decision.start,
          end: decision.end,
          log: [...record.log, { at, what: 'moved', detail: 'moved in the calendar' }],
          updatedAt: at,
        },
        record._etag,
      );
      return { kind: 'moved' };
    case 'give-up':
      await services.conversations.replace(
        {
          ...record,
          status: 'needs-attention',
          log: [...record.log, { at, what: 'gave-up', detail: decision.why }],
          updatedAt: at,
        },
        record._etag,
      );
      return { kind: 'gave-up' };
    case 'rebook': {
      // A declined invite still sits on the manager's calendar: withdraw it before rebooking.
      if (state.kind === 'declined' && event)
        await calendar.cancelEvent(record.managerId, event.id);
      const attempt = record.attempt + 1;
      const saved = await services.conversations.replace(
        {
          ...record,
          status: 'pending',
          attempt,
          transactionId: transactionIdFor(record, attempt),
          start: null,
          end: null,
          event: null,
          log: [
            ...record.log,
            {
              at,
              what: state.kind === 'declined' ? 'declined' : 'cancelled',
              detail: decision.why,
            },
          ],
          updatedAt: at,
        },
        record._etag,
      );
      return { kind: 'rebook', record: saved };
    }
  }
}

async function bookForManager(
  services: Services,
  calendar: CalendarGateway,
  tenantId: string,
  items: { pair: Pair; record: Stored<ConversationRecord> | null }[],
  settings: TenantSettings,
  now: Date,
  alreadyBooked: ConversationRecord[],
  summary: PassSummary,
  byPair: Map<string, Stored<ConversationRecord>[]>,
  outOfTime: () => boolean,
): Promise<void> {
  const manager = items[0].pair.manager;
  const quarter = quarterOf(now);
  const fallback: WorkingHours = {
    daysOfWeek: settings.workingHoursFallback.daysOfWeek,
    startTime: normaliseClock(settings.workingHoursFallback.startTime),
    endTime: normaliseClock(settings.workingHoursFallback.endTime),
    timeZone: settings.workingHoursFallback.timeZone,
  };
  const booked: IsoInterval[] = alreadyBooked.map((r) => ({ start: r.start!, end: r.end! }));
  // New pairs first: they have the tighter 30-day promise.
  const groups: [ConversationReason, typeof items][] = [
    ['new-manager', items.filter((i) => i.pair.reason === 'new-manager')],
    ['quarterly', items.filter((i) => i.pair.reason === 'quarterly')],
  ];
  for (const [reason, group] of groups) {
    if (group.length === 0) continue;
    const window = windowFor(reason, quarter, settings, now);
    if (!window) {
      for (const i of group)
        note(
          summary,
          'skipped',
          'no scheduling window left this quarter',
          pairRef(tenantId, i.pair),
        );
      continue;
    }
    for (let offset = 0; offset < group.length; offset += REPORTS_PER_SCHEDULE_CALL) {
      if (outOfTime()) return void (summary.stoppedEarly = true);
      const chunk = group.slice(offset, offset + REPORTS_PER_SCHEDULE_CALL);
      let schedules;
      try {
        schedules = await calendar.getSchedules(
          manager.id,
          [manager.mail!, ...chunk.map((i) => i.pair.employee.mail!)],
          window,
        );
      } catch (error) {
        for (const i of chunk)
          note(summary, 'failed', `availability: ${errorText(error)}`, pairRef(tenantId, i.pair));
        continue;
      }
      const parse = (mail: string): SchedulingParticipant | string => {
        const info = schedules.find((s) => s.scheduleId?.toLowerCase() === mail.toLowerCase());
        if (!info) return 'Graph returned no schedule for this mailbox';
        const parsed = parseScheduleInformation(info, {
          fallbackWorkingHours: fallback,
          responseTimeZone: 'UTC',
        });
        return parsed.ok
          ? { workingHours: parsed.workingHours, busy: parsed.busy }
          : parsed.message;
      };
      const managerSchedule = parse(manager.mail!);
      if (typeof managerSchedule === 'string') {
        for (const i of chunk)
          note(
            summary,
            'failed',
            `manager's calendar: ${managerSchedule}`,
            pairRef(tenantId, i.pair),
          );
        continue;
      }
      const reports: ReportSchedule[] = [];
      for (const i of chunk) {
        const s = parse(i.pair.employee.mail!);
        if (typeof s === 'string')
          note(summary, 'failed', `employee's calendar: ${s}`, pairRef(tenantId, i.pair));
        else reports.push({ employeeId: i.pair.employee.id, ...s });
      }
      const outcomes = findSlots({
        manager: managerSchedule,
        reports,
        window,
        bookedConversations: booked,
        durationMinutes: settings.durationMinutes,
        dailyCap: settings.dailyCap,
      });
      await forEachConcurrently(outcomes, 4, async (outcome) => {
        const item = chunk.find((i) => i.pair.employee.id === outcome.employeeId)!;
        if (outcome.outcome === 'no-slot') {
          note(summary, 'skipped', `no slot: ${outcome.reason}`, pairRef(tenantId, item.pair));
          return;
        }
        booked.push({ start: outcome.start, end: outcome.end });
        try {
          const rebooking = item.record !== null && item.record.attempt > 1;
          await bookSlot(services, calendar, tenantId, item, reason, outcome, now, byPair);
          if (rebooking) summary.rebooked++;
          else summary.booked++;
        } catch (error) {
          note(summary, 'failed', `booking: ${errorText(error)}`, pairRef(tenantId, item.pair));
        }
      });
    }
  }
}

async function bookSlot(
  services: Services,
  calendar: CalendarGateway,
  tenantId: string,
  item: { pair: Pair; record: Stored<ConversationRecord> | null },
  reason: ConversationReason,
  slot: { start: string; end: string },
  now: Date,
  byPair: Map<string, Stored<ConversationRecord>[]>,
): Promise<void> {
  const at = now.toISOString();
  const { pair } = item;
  let pending: Stored<ConversationRecord> | null;
  if (item.record) {
    pending = await services.conversations.replace(
      {
        ...item.record,
        start: slot.start,
        end: slot.end,
        log: [...item.record.log, { at, what: 'booking', detail: 'slot chosen' }],
        updatedAt: at,
      },
      item.record._etag,
    );
  } else {
    const quarter = quarterOf(slot.start);
    const base = { tenantId, employeeId: pair.employee.id, managerId: pair.manager.id, quarter };
    // Written before the Graph call: whatever happens next, a later run finds this record.
    pending = await services.conversations.create({
      type: 'conversation',
      id: conversationId(quarter, pair.manager.id),
      pk: boardPartitionKey(tenantId, pair.employee.id),
      ...base,
      reason,
      status: 'pending',
      attempt: 1,
      transactionId: transactionIdFor(base, 1),
      start: slot.start,
      end: slot.end,
      event: null,
      log: [{ at, what: 'booking', detail: 'slot chosen' }],
      sharedNotes: '',
      actionItems: [],
      notesRequested: false,
      createdAt: at,
      updatedAt: at,
    });
    if (pending === null) throw new Error('another run is booking this pair');
  }
  await completeBooking(
    services,
    calendar,
    pending,
    pair,
    () => agendaFor(services, tenantId, pair, byPair),
    false,
  );
}

function agendaFor(
  services: Services,
  tenantId: string,
  pair: Pair,
  byPair: Map<string, Stored<ConversationRecord>[]>,
): Promise<string> {
  const previous = [...byPair.entries()]
    .filter(([key]) => key.startsWith(`${pair.employee.id}|`))
    .flatMap(([, r]) => r);
  return agendaForPair(
    services,
    tenantId,
    pair.employee,
    pair.manager,
    previous,
    pair.reason === 'new-manager',
  );
}

function windowFor(
  reason: ConversationReason,
  quarter: QuarterKey,
  settings: TenantSettings,
  now: Date,
): IsoInterval | null {
  const earliest = now.getTime() + LEAD_TIME_MS;
  let window: IsoInterval;
  if (reason === 'new-manager') {
    window = firstConversationWindow(now, 30);
  } else {
    const q = quarterlyConversationWindow(
      quarter,
      { windowStartWeek: settings.window.startWeek, windowEndWeek: settings.window.endWeek },
      now,
    );
    if (q.outcome !== 'window') return null;
    window = q.window;
  }
  const start = Math.max(Date.parse(window.start), earliest);
  // One getSchedule call covers under 62 days; the earliest part of a longer window is enough.
  const end = Math.min(Date.parse(window.end), start + GET_SCHEDULE_MAX_DAYS * DAY_MS);
  if (end - start < 30 * 60_000) return null;
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

function normaliseClock(value: string): string {
  return value.length === 5 ? `${value}:00` : value;
}

function pairRef(tenantId: string, pair: Pair) {
  return { tenantId, employeeId: pair.employee.id, managerId: pair.manager.id };
}

function errorText(error: unknown): string {
  const status = graphStatus(error);
  if (status !== undefined) return `Graph ${status}`;
  return error instanceof Error ? error.message.slice(0, 160) : 'unknown error';
}
