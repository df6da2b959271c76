import type { MyDataExport } from '../../contract/exportContract';

/**
 * The export as a Markdown document a person can read in any editor or viewer. Everything a person
 * typed is escaped, so their text is shown as written and never becomes a heading, a link, an
 * image or HTML in a viewer that renders Markdown (a `<script>` in a title stays text).
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** One line of a person's text, safe anywhere inside a Markdown line (headings included). */
export function escapeInline(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]#!|~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML[c]);
}

/** A line that would open a list, a numbered list or a setext heading starts with an escape. */
function escapeLineStart(line: string): string {
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A person's multi-line text as a paragraph block: each line escaped, line breaks kept. */
export function escapeBlock(text: string): string {
  const lines = text
    .split(/\r?\n|\r/)
    .map((l) => escapeLineStart(escapeInline(l.trim())))
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''));
  return lines.join('  \n').trim();
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

const HORIZON: Record<string, string> = { next: 'Next', '1y': 'In a year', '3y': 'In three years' };

export function exportToMarkdown(data: MyDataExport): string {
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  line(`# Career Board export: ${escapeInline(data.person.displayName)}`);
  line();
  line(`Exported ${data.exportedAt} (format ${data.format}, version ${data.version}).`);
  line();

  line('## Aspirations');
  line();
  if (data.aspirations.length === 0) line('No aspirations.');
  for (const a of data.aspirations) {
    line(`### ${escapeInline(a.title)}`);
    line();
    line(
      `- Kind: ${a.kind} · Horizon: ${HORIZON[a.horizon] ?? a.horizon} · Target: ${day(a.targetDate)}`,
    );
    line(`- Created ${day(a.createdAt)}, last changed ${day(a.updatedAt)}`);
    if (a.acknowledgement) {
      const note = a.acknowledgement.note ? `: ${escapeInline(a.acknowledgement.note)}` : '';
      line(
        `- Acknowledged by ${escapeInline(a.acknowledgement.by.displayName)} on ${day(a.acknowledgement.at)}${note}`,
      );
    }
    line();
    if (a.details.trim()) {
      line(escapeBlock(a.details));
      line();
    }
    if (a.steps.length > 0) {
      line('#### Steps');
      line();
      for (const s of a.steps)
        line(
          `- [${s.status === 'done' ? 'x' : ' '}] ${escapeInline(s.text)}${s.dueDate ? ` (due ${s.dueDate})` : ''}`,
        );
      line();
    }
    if (a.evidence.length > 0) {
      line('#### What I did');
      line();
      for (const e of a.evidence)
        line(`- ${e.date}: ${escapeInline(e.text)}${e.link ? ` (${escapeInline(e.link)})` : ''}`);
      line();
    }
    if (a.comments.length > 0) {
      line('#### Comments');
      line();
      for (const c of a.comments)
        line(
          `- ${escapeInline(c.author.displayName)}, ${day(c.createdAt)}: ${escapeInline(c.text)}`,
        );
      line();
    }
  }

  line('## Conversations');
  line();
  if (data.conversations.length === 0) line('No conversations.');
  for (const c of data.conversations) {
    line(`### ${c.quarter} (${c.status})`);
    line();
    line(`- ${c.reason === 'new-manager' ? 'With a new manager' : 'Quarterly'} · ${day(c.start)}`);
    for (const item of c.actionItems)
      line(`- [${item.done ? 'x' : ' '}] ${escapeInline(item.text)} (${item.owner})`);
    line();
    if (c.sharedNotes.trim()) {
      line('#### Shared notes');
      line();
      line(escapeBlock(c.sharedNotes));
      line();
    }
    if (c.myPrivateNotes.trim()) {
      line('#### My private notes');
      line();
      line(escapeBlock(c.myPrivateNotes));
      line();
    }
  }

  line('## My private notes');
  line();
  const notes = [...data.privateNotes, ...data.conversationNotesAsManager];
  if (notes.length === 0) line('No private notes.');
  for (const n of data.privateNotes) {
    line(`### ${n.boardOf === data.person.id ? 'On my board' : `On the board of ${n.boardOf}`}`);
    line();
    line(escapeBlock(n.text));
    line();
  }
  for (const n of data.conversationNotesAsManager) {
    line(`### On conversation ${escapeInline(n.conversationId)} with ${n.employeeId}`);
    line();
    line(escapeBlock(n.text));
    line();
  }

  line('## Shared with sponsors and mentors');
  line();
  const shares = data.sharing?.shares ?? [];
  if (shares.length === 0) line('Shared with nobody beyond my manager.');
  for (const s of shares)
    line(
      `- ${escapeInline(s.person.displayName)} (${s.relationship}): ${s.aspirationIds === null ? 'the whole board' : `${s.aspirationIds.length} chosen aspiration(s)`}, since ${s.sharedAt}`,
    );
  line();
  for (const t of data.sharing?.advice ?? []) {
    line(`### Advice from ${escapeInline(t.person.displayName)} on aspiration ${t.aspirationId}`);
    line();
    if (t.question) line(`Question: ${escapeInline(t.question)}`);
    for (const m of t.messages)
      line(`- ${m.at}, ${escapeInline(m.author.displayName)}: ${escapeInline(m.text)}`);
    line();
  }

  line('## History');
  line();
  if (data.history.length === 0) line('No history.');
  for (const h of data.history)
    line(`- ${h.at}, ${escapeInline(h.actor.displayName)}: ${escapeInline(h.summary)}`);
  line();
  return out.join('\n');
}
