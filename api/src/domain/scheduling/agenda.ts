/** The board content one conversation's agenda is drawn from. All text is the users' own: untrusted. */
export interface AgendaInput {
  readonly employeeName: string;
  readonly managerName: string;
  /** Deep link to the pair's board; only http(s) links are rendered. */
  readonly boardUrl: string;
  readonly aspirations: readonly AgendaAspiration[];
  readonly carriedActions: readonly AgendaAction[];
  /** For a new pair: the board's story so far, so the new manager starts informed. */
  readonly historyHighlights?: readonly AgendaEvidence[];
}

export type AspirationHorizon = 'next' | '1y' | '3y';

export interface AgendaAspiration {
  readonly title: string;
  readonly horizon: AspirationHorizon;
  /** E.g. title, project, client, skill. */
  readonly kind: string;
  readonly openSteps: readonly string[];
  readonly evidenceSinceLast: readonly AgendaEvidence[];
  /** Who said "I will sponsor this" (the manager's commitment, issue 13), if anyone. */
  readonly sponsoredBy?: string;
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

export const CONVERSATION_STARTERS = [
  'Your 1- or 3-year plan',
  'The next opportunity, position or title you want',
  'The next big project and the skills it will show off',
] as const;

const HORIZONS: readonly { readonly horizon: AspirationHorizon; readonly label: string }[] = [
  { horizon: 'next', label: 'Next' },
  { horizon: '1y', label: 'In 1 year' },
  { horizon: '3y', label: 'In 3 years' },
];

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

function displayDate(value: string): string {
  return escapeHtml(/^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value);
}

function list(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function renderAspiration(aspiration: AgendaAspiration): string {
  const parts = [
    `<strong>${escapeHtml(aspiration.title)}</strong> (${escapeHtml(aspiration.kind)})`,
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
          (evidence) => `${displayDate(evidence.date)}: ${escapeHtml(evidence.text)}`,
        ),
      )}`,
    );
  }
  return parts.join('');
}

function renderAction(action: AgendaAction): string {
  const due = action.dueDate ? `, due ${displayDate(action.dueDate)}` : '';
  return `${escapeHtml(action.text)} (${escapeHtml(action.owner)}${due})`;
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
        ? `<a href="${escapeHtml(link)}">Open the career board</a> together during the meeting.`
        : 'Open the career board in Teams together during the meeting.'
    }</p>`,
    '<h3>Aspirations</h3>',
  ];
  if (input.aspirations.length === 0) {
    sections.push(
      `<p>${employee} has not written any aspirations yet. Start with the conversation starters below.</p>`,
    );
  } else {
    for (const { horizon, label } of HORIZONS) {
      const group = input.aspirations.filter((aspiration) => aspiration.horizon === horizon);
      sections.push(
        `<h4>${label}</h4>`,
        group.length > 0 ? list(group.map(renderAspiration)) : '<p>Nothing written yet.</p>',
      );
    }
  }
  if (input.historyHighlights && input.historyHighlights.length > 0) {
    sections.push(
      '<h3>The story so far</h3>',
      list(
        input.historyHighlights.map(
          (entry) => `${displayDate(entry.date)}: ${escapeHtml(entry.text)}`,
        ),
      ),
    );
  }
  sections.push(
    '<h3>Actions carried over</h3>',
    input.carriedActions.length > 0
      ? list(input.carriedActions.map(renderAction))
      : '<p>No open actions from the last conversation.</p>',
    '<h3>Conversation starters</h3>',
    `<ol>${CONVERSATION_STARTERS.map((starter) => `<li>${escapeHtml(starter)}</li>`).join('')}</ol>`,
  );
  return sections.join('\n');
}
