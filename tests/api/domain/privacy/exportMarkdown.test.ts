import type { MyDataExport } from '../../../../api/src/contract/exportContract';
import {
  escapeBlock,
  escapeInline,
  exportToMarkdown,
} from '../../../../api/src/domain/privacy/exportMarkdown';

const hostile =
  '<script>alert(1)</script> # not a heading ![img](https://x.example/a.png) [a](javascript:alert(1)) *bold* `code` | cell';

function sample(): MyDataExport {
  const person = { id: 'p1', displayName: 'Nia <b>Adeyemi</b>' };
  return {
    format: 'career-board-export',
    version: 1,
    exportedAt: '2027-01-19T06:00:00.000Z',
    person,
    aspirations: [
      {
        id: 'a1',
        kind: 'title',
        horizon: 'next',
        title: hostile,
        details: `Line one\n# fake heading\n- fake item\n1. fake number\n<img src=x onerror=alert(1)>`,
        targetDate: '2027-06-30',
        createdAt: '2027-01-01T00:00:00.000Z',
        updatedAt: '2027-01-02T00:00:00.000Z',
        steps: [
          {
            id: 's1',
            text: '[x] done? <i>no</i>',
            status: 'open',
            dueDate: null,
            createdAt: '2027-01-01T00:00:00.000Z',
            completedAt: null,
          },
        ],
        evidence: [],
        acknowledgement: {
          by: { id: 'm1', displayName: 'Tobias' },
          at: '2027-01-03T00:00:00.000Z',
          note: 'Will <u>sponsor</u>',
        },
        comments: [
          {
            id: 'c1',
            author: { id: 'm1', displayName: 'Tobias' },
            text: hostile,
            createdAt: '2027-01-04T00:00:00.000Z',
          },
        ],
      },
    ],
    history: [
      {
        at: '2027-01-01T00:00:00.000Z',
        actor: person,
        action: 'aspiration.created',
        summary: hostile,
      },
    ],
    conversations: [],
    privateNotes: [{ boardOf: 'p1', text: hostile, updatedAt: '2027-01-05T00:00:00.000Z' }],
    conversationNotesAsManager: [],
  };
}

/** Outside code spans, no character could start an HTML tag, a link, an image or emphasis. */
function rawMarkup(markdown: string): string[] {
  return markdown
    .split('\n')
    .flatMap((line) => [
      ...(/</.test(line) ? [`raw "<" in: ${line}`] : []),
      ...(/(^|[^\\])\[[^\]]*[^\\]\]\(/.test(line) ? [`link in: ${line}`] : []),
      ...(/(^|[^\\])`/.test(line) ? [`code in: ${line}`] : []),
    ]);
}

describe('the Markdown export', () => {
  const markdown = exportToMarkdown(sample());

  it('is a document with one title and the sections a person looks for', () => {
    const headings = markdown.split('\n').filter((l) => /^#{1,6} /.test(l));
    expect(headings.filter((h) => h.startsWith('# '))).toHaveLength(1);
    expect(headings).toEqual(
      expect.arrayContaining([
        '## Aspirations',
        '## Conversations',
        '## My private notes',
        '## History',
      ]),
    );
    expect(headings).toContain('#### Steps');
  });

  it('never lets what a person typed become HTML, a link, an image, a heading or a list item', () => {
    expect(rawMarkup(markdown)).toEqual([]);
    expect(markdown).not.toMatch(/^# fake heading/m);
    expect(markdown).not.toMatch(/^- fake item/m);
    expect(markdown).not.toMatch(/^1\. fake number/m);
    expect(markdown).toContain('&lt;script&gt;');
    // Only the document's own headings start a line with '#'.
    const typedHeadings = markdown.split('\n').filter((l) => /^#+ .*not a heading/.test(l));
    expect(
      typedHeadings.every((l) => l.startsWith('### ') && l.includes('\\# not a heading')),
    ).toBe(true);
  });

  it('keeps the text readable: escapes undo to exactly what was typed', () => {
    const unescape = (s: string) =>
      s.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(unescape(escapeInline(hostile))).toBe(hostile);
    expect(unescape(escapeBlock('a & b\n\n\n- c')).split('  \n')).toEqual(['a & b', '', '- c']);
  });
});
