import type { AspirationKind, Horizon } from '../../contract/boardContract';
import { HORIZON_LABELS, KIND_LABELS } from '../../contract/boardLabels';
import type { StretchView } from '../../contract/conversationContract';
import { formatDate, formatWhen } from '../notifications/activityFeed';

/**
 * The invite's agenda: one HTML body both people read, so every date is spelled out ("26 January
 * 2027", never 03/04) and the meeting's time is given on each person's own clock. What it shows
 * is drawn from the board as it is now: what waits for the manager, each aspiration with its
 * target date, acknowledgement and support, open steps, what was done since the last
 * conversation, open actions carried over, and conversation starters that come from this board,
 * not a fixed list. Everything a person typed is escaped.
 */

/** The board content one conversation's agenda is drawn from. All text is the users' own: untrusted. */
export interface AgendaInput {
  readonly employeeName: string;
  readonly managerName: string;
  /** Teams deep link to the pair's board; only http(s) links are rendered. */
  readonly boardUrl: string;
  /** When the agenda is rendered (ISO): what has passed, how long something has waited. */
  readonly now: string;
  /** The booked meeting, when known: its time on both clocks and any stretch. */
  readonly meeting?: AgendaMeeting;
  readonly aspirations: readonly AgendaAspiration[];
  readonly carriedActions: readonly AgendaAction[];
  /** For a new pair: the board's story so far, so the new manager starts informed. */
  readonly historyHighlights?: readonly AgendaEvidence[];
}

export interface AgendaMeeting {
  /** ISO instant. */
  readonly start: string;
  /** Each person's time zone as their calendar gave it (IANA or Windows); null if unknown. */
  readonly employeeTimeZone: string | null;
  readonly managerTimeZone: string | null;
  readonly stretch?: StretchView | null;
}

export type AspirationHorizon = Horizon;

export interface AgendaAspiration {
  readonly title: string;
  readonly horizon: Horizon;
  readonly kind: AspirationKind;
  /** YYYY-MM-DD or null. */
  readonly targetDate?: string | null;
  /** ISO instant the employee wrote it. */
  readonly createdAt?: string;
  readonly acknowledgement?: AgendaAcknowledgement | null;
  readonly openSteps: readonly string[];
  readonly evidenceSinceLast: readonly AgendaEvidence[];
  /** Who said "I will sponsor this" (the manager's commitment, issue 13), if anyone. */
  readonly sponsoredBy?: string;
}

export interface AgendaAcknowledgement {
  /** ISO instant. */
  readonly at: string;
  /** The manager's support note, if they wrote one. */
  readonly note: string | null;
  /** The employee edited it after the manager acknowledged it. */
  readonly changedSince: boolean;
}

export interface AgendaEvidence {
  readonly text: string;
  /** ISO date or date-time. */
  readonly date: string;
}

export interface AgendaAction {
  readonly text: string;
  readonly owner: string;
  readonly dueDate?: string;
}

/** An aspiration waiting this long for acknowledgement is worth raising. */
export const UNACKNOWLEDGED_WEEKS = 2;
/**
 * How both people open the board together in the meeting: the app's meeting side panel shows the
 * pair's board, so nobody has to share a screen to talk it through.
 */
export const IN_THE_MEETING =
  "In the meeting, open Career Board together: add it with + in the meeting's tabs, or open it from the meeting chat. It shows this board.";

/** At most this many starters: a short list gets read. */
export const MAX_STARTERS = 5;

const WEEK_MS = 7 * 86_400_000;
const HORIZONS: readonly Horizon[] = ['next', '1y', '3y'];

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for both element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

function safeLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // Anything else (javascript:, data:) would run or smuggle content inside a mail client.
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const day = (value: string) => escapeHtml(formatDate(value));
/** Plain text: escaped where it is put into HTML. */
const quoted = (title: string) => `“${title}”`;

function list(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

/** A target date before today's date (UTC: a date is the whole day everywhere it is read). */
function targetPassed(aspiration: AgendaAspiration, now: string): boolean {
  return !!aspiration.targetDate && aspiration.targetDate < now.slice(0, 10);
}

function unacknowledgedWeeks(aspiration: AgendaAspiration, now: string): number {
  if (aspiration.acknowledgement || !aspiration.createdAt) return 0;
  return Math.floor((Date.parse(now) - Date.parse(aspiration.createdAt)) / WEEK_MS);
}

function renderWhen(input: AgendaInput, meeting: AgendaMeeting): string {
  const employee = escapeHtml(input.employeeName);
  const manager = escapeHtml(input.managerName);
  const forEmployee = escapeHtml(formatWhen(meeting.start, meeting.employeeTimeZone));
  const forManager = escapeHtml(formatWhen(meeting.start, meeting.managerTimeZone));
  const when =
    forEmployee === forManager
      ? `<p>When: ${forEmployee}.</p>`
      : `<p>When: ${forEmployee} for ${employee}; ${forManager} for ${manager}.</p>`;
  const stretch = meeting.stretch;
  if (!stretch) return when;
  const early = stretch.earlySide === 'employee' ? employee : manager;
  const late = stretch.earlySide === 'employee' ? manager : employee;
  return `${when}<p><strong>Outside working hours:</strong> no time inside both people's working hours could be booked, so this one stretches the day: it starts at ${escapeHtml(
    stretch.employeeLocalStart,
  )} for ${employee} and ${escapeHtml(stretch.managerLocalStart)} for ${manager}. ${early} takes the early side this quarter; next quarter ${late} does.</p>`;
}

function renderAcknowledgement(aspiration: AgendaAspiration, input: AgendaInput): string {
  const manager = escapeHtml(input.managerName);
  const ack = aspiration.acknowledgement;
  if (!ack) {
    const weeks = unacknowledgedWeeks(aspiration, input.now);
    return weeks >= 1
      ? `<p>Not acknowledged yet (waiting ${weeks} week${weeks === 1 ? '' : 's'}).</p>`
      : '<p>Not acknowledged yet.</p>';
  }
  const seen = ack.changedSince
    ? `<p>Changed since ${manager} acknowledged it on ${day(ack.at)}.</p>`
    : `<p>Acknowledged by ${manager} on ${day(ack.at)}.</p>`;
  return ack.note ? `${seen}<p>${manager}'s support: ${escapeHtml(ack.note)}</p>` : seen;
}

function renderAspiration(aspiration: AgendaAspiration, input: AgendaInput): string {
  const target = aspiration.targetDate
    ? targetPassed(aspiration, input.now)
      ? ` · target date ${day(aspiration.targetDate)} <strong>has passed</strong>`
      : ` · target date ${day(aspiration.targetDate)}`
    : '';
  const parts = [
    `<strong>${escapeHtml(aspiration.title)}</strong> (${escapeHtml(KIND_LABELS[aspiration.kind] ?? aspiration.kind)})${target}`,
    renderAcknowledgement(aspiration, input),
  ];
  if (aspiration.sponsoredBy) {
    parts.push(`<p>${escapeHtml(aspiration.sponsoredBy)} will sponsor this.</p>`);
  }
  if (aspiration.openSteps.length > 0) {
    parts.push(`<p>Open steps:</p>${list(aspiration.openSteps.map(escapeHtml))}`);
  }
  if (aspiration.evidenceSinceLast.length > 0) {
    parts.push(
      `<p>Done since the last conversation:</p>${list(
        aspiration.evidenceSinceLast.map(
          (evidence) => `${day(evidence.date)}: ${escapeHtml(evidence.text)}`,
        ),
      )}`,
    );
  }
  return parts.join('');
}

function renderAction(action: AgendaAction, now: string): string {
  const late = !!action.dueDate && action.dueDate.slice(0, 10) < now.slice(0, 10);
  const due = action.dueDate ? `, due ${day(action.dueDate)}` : '';
  return `${escapeHtml(action.text)} (${escapeHtml(action.owner)}${due})${late ? ' <strong>past due</strong>' : ''}`;
}

/** What waits for the manager: never acknowledged, or changed since they acknowledged it. */
function renderWaiting(input: AgendaInput): string[] {
  const waiting = input.aspirations.filter(
    (a) => !a.acknowledgement || a.acknowledgement.changedSince,
  );
  if (waiting.length === 0) return [];
  return [
    `<h3>Waiting for ${escapeHtml(input.managerName)}</h3>`,
    list(
      waiting.map((a) =>
        a.acknowledgement
          ? `${escapeHtml(quoted(a.title))}: changed since acknowledged`
          : `${escapeHtml(quoted(a.title))}: not acknowledged yet`,
      ),
    ),
  ];
}

/**
 * Questions drawn from this board, most pressing first: passed target dates, aspirations waiting
 * for weeks, changes the manager has not seen, late actions, empty horizons, plans without a next
 * step, and what was done since last time. Only when the board offers nothing does a general one
 * stand in. Plain text (the caller escapes).
 */
export function conversationStarters(input: AgendaInput): string[] {
  const employee = input.employeeName;
  const manager = input.managerName;
  const starters: string[] = [];
  if (input.aspirations.length === 0) {
    starters.push(
      `${employee} has not written an aspiration yet: what would they like to be doing a year from now?`,
      'Which opportunity, position or title would be the next step?',
    );
  }
  for (const a of input.aspirations.filter((x) => targetPassed(x, input.now))) {
    starters.push(
      `The target date for ${quoted(a.title)} has passed: is it still the goal, what got in the way, and what is a realistic new date?`,
    );
  }
  for (const a of input.aspirations) {
    const weeks = unacknowledgedWeeks(a, input.now);
    if (weeks >= UNACKNOWLEDGED_WEEKS) {
      starters.push(
        `${quoted(a.title)} has waited ${weeks} weeks for ${manager}'s acknowledgement: what does ${manager} think of it, and how can they help?`,
      );
    }
  }
  for (const a of input.aspirations.filter((x) => x.acknowledgement?.changedSince)) {
    starters.push(
      `${quoted(a.title)} changed since ${manager} last saw it: what changed, and why?`,
    );
  }
  const late = input.carriedActions.filter(
    (a) => a.dueDate && a.dueDate.slice(0, 10) < input.now.slice(0, 10),
  ).length;
  if (late > 0) {
    starters.push(
      `${late} action${late === 1 ? ' is' : 's are'} past due: done, dropped, or a new date?`,
    );
  }
  if (input.aspirations.length > 0) {
    for (const horizon of HORIZONS) {
      if (!input.aspirations.some((a) => a.horizon === horizon)) {
        starters.push(
          `Nothing is written for “${HORIZON_LABELS[horizon]}” yet: where would ${employee} like to be by then?`,
        );
      }
    }
  }
  for (const a of input.aspirations.filter((x) => x.openSteps.length === 0)) {
    starters.push(`${quoted(a.title)} has no open step: what is the next one?`);
  }
  const done = input.aspirations.reduce((n, a) => n + a.evidenceSinceLast.length, 0);
  if (done > 0) {
    starters.push(
      `${employee} did ${done} thing${done === 1 ? '' : 's'} toward these goals since the last conversation: which mattered most, and who should know?`,
    );
  }
  if (starters.length === 0) {
    starters.push(
      `Which opportunity in the coming quarter would move ${employee} closest to their plan?`,
    );
  }
  return starters.slice(0, MAX_STARTERS);
}

/** The HTML body of a career-conversation meeting (Graph event body, contentType "html"). */
export function renderAgenda(input: AgendaInput): string {
  const employee = escapeHtml(input.employeeName);
  const manager = escapeHtml(input.managerName);
  const link = safeLink(input.boardUrl);
  const sections: string[] = [
    `<h2>Career conversation: ${employee} and ${manager}</h2>`,
    `<p>This quarter's conversation about where ${employee} wants to go next and how ${manager} can help. ${
      link
        ? `<a href="${escapeHtml(link)}">Open ${employee}'s career board in Teams</a> before the meeting.`
        : 'Open the career board in Teams before the meeting.'
    }</p>`,
    `<p>${escapeHtml(IN_THE_MEETING)}</p>`,
  ];
  if (input.meeting) sections.push(renderWhen(input, input.meeting));
  sections.push(...renderWaiting(input), '<h3>Aspirations</h3>');
  if (input.aspirations.length === 0) {
    sections.push(
      `<p>${employee} has not written any aspirations yet. Start with the conversation starters below.</p>`,
    );
  } else {
    for (const horizon of HORIZONS) {
      const group = input.aspirations.filter((aspiration) => aspiration.horizon === horizon);
      sections.push(
        `<h4>${escapeHtml(HORIZON_LABELS[horizon])}</h4>`,
        group.length > 0
          ? list(group.map((a) => renderAspiration(a, input)))
          : '<p>Nothing written yet.</p>',
      );
    }
  }
  if (input.historyHighlights && input.historyHighlights.length > 0) {
    sections.push(
      '<h3>The story so far</h3>',
      list(input.historyHighlights.map((entry) => `${day(entry.date)}: ${escapeHtml(entry.text)}`)),
    );
  }
  sections.push(
    '<h3>Actions carried over</h3>',
    input.carriedActions.length > 0
      ? list(input.carriedActions.map((a) => renderAction(a, input.now)))
      : '<p>No open actions from the last conversation.</p>',
    '<h3>Conversation starters</h3>',
    `<ol>${conversationStarters(input)
      .map((starter) => `<li>${escapeHtml(starter)}</li>`)
      .join('')}</ol>`,
  );
  return sections.join('\n');
}
