import type { AgendaInput } from '../../../../api/src/domain/scheduling/agenda';
import { CONVERSATION_STARTERS, renderAgenda } from '../../../../api/src/domain/scheduling/agenda';

const input: AgendaInput = {
  employeeName: 'Ada Lovelace',
  managerName: 'Grace Hopper',
  boardUrl: 'https://teams.microsoft.com/l/entity/app-id/board?context=%7B%7D',
  aspirations: [
    {
      title: 'Lead the analytics engine project',
      horizon: '1y',
      kind: 'project',
      openSteps: ['Write the design proposal', 'Pair with the platform team'],
      evidenceSinceLast: [{ text: 'Presented the prototype', date: '2026-09-14T10:00:00Z' }],
    },
    {
      title: 'Staff engineer',
      horizon: '3y',
      kind: 'title',
      openSteps: [],
      evidenceSinceLast: [],
    },
  ],
  carriedActions: [
    { text: 'Book the compiler course', owner: 'Ada Lovelace', dueDate: '2026-10-31' },
    { text: 'Introduce Ada to the CTO', owner: 'Grace Hopper' },
  ],
};

describe('the conversation agenda', () => {
  it('groups aspirations by horizon, next first, with open steps and what was done since', () => {
    const html = renderAgenda(input);
    const next = html.indexOf('<h4>Next</h4>');
    const oneYear = html.indexOf('<h4>In 1 year</h4>');
    const threeYears = html.indexOf('<h4>In 3 years</h4>');
    expect(next).toBeGreaterThan(-1);
    expect(oneYear).toBeGreaterThan(next);
    expect(threeYears).toBeGreaterThan(oneYear);
    expect(html.slice(next, oneYear)).toContain('Nothing written yet.');
    const oneYearSection = html.slice(oneYear, threeYears);
    expect(oneYearSection).toContain(
      '<strong>Lead the analytics engine project</strong> (project)',
    );
    expect(oneYearSection).toContain('<li>Write the design proposal</li>');
    expect(oneYearSection).toContain('<li>2026-09-14: Presented the prototype</li>');
    expect(html.slice(threeYears)).toContain('<strong>Staff engineer</strong> (title)');
  });

  it('carries over open actions with their owner and due date', () => {
    const html = renderAgenda(input);
    expect(html).toContain('<li>Book the compiler course (Ada Lovelace, due 2026-10-31)</li>');
    expect(html).toContain('<li>Introduce Ada to the CTO (Grace Hopper)</li>');
    expect(renderAgenda({ ...input, carriedActions: [] })).toContain(
      'No open actions from the last conversation.',
    );
  });

  it('says who will sponsor an aspiration, under that aspiration only, escaped', () => {
    const html = renderAgenda({
      ...input,
      aspirations: [
        { ...input.aspirations[0], sponsoredBy: 'Grace <b>Hopper</b>' },
        input.aspirations[1],
      ],
    });
    const line = 'Grace &lt;b&gt;Hopper&lt;/b&gt; will sponsor this.';
    expect(html).toContain(line);
    expect(html.indexOf(line)).toBeLessThan(html.indexOf('Staff engineer'));
    expect(renderAgenda(input)).not.toContain('will sponsor this');
  });

  it('always offers the three conversation starters', () => {
    const html = renderAgenda({ ...input, aspirations: [] });
    expect(CONVERSATION_STARTERS).toEqual([
      'Your 1- or 3-year plan',
      'The next opportunity, position or title you want',
      'The next big project and the skills it will show off',
    ]);
    for (const starter of CONVERSATION_STARTERS) expect(html).toContain(`<li>${starter}</li>`);
    expect(html).toContain('Ada Lovelace has not written any aspirations yet.');
  });

  it('links to the board', () => {
    expect(renderAgenda(input)).toContain(
      '<a href="https://teams.microsoft.com/l/entity/app-id/board?context=%7B%7D">Open the career board</a>',
    );
  });

  it('a <script> in an aspiration title comes out escaped', () => {
    const html = renderAgenda({
      ...input,
      employeeName: 'Eve "the" <b>Bold</b>',
      aspirations: [
        {
          title: '<script>alert("board")</script>',
          horizon: 'next',
          kind: '<img src=x onerror=alert(1)>',
          openSteps: ['<iframe src="https://evil.example"></iframe>'],
          evidenceSinceLast: [{ text: "it's & done", date: '<svg onload=alert(1)>' }],
        },
      ],
      carriedActions: [{ text: '</li><script>x()</script>', owner: '<u>me</u>' }],
    });
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|<b>|<u>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;board&quot;)&lt;/script&gt;');
    expect(html).toContain('Eve &quot;the&quot; &lt;b&gt;Bold&lt;/b&gt;');
    expect(html).toContain('it&#39;s &amp; done');
  });

  it('a board link that is not http(s) is left out', () => {
    for (const boardUrl of [
      'javascript:alert(1)',
      'data:text/html,<script>x()</script>',
      'not a url',
    ]) {
      const html = renderAgenda({ ...input, boardUrl });
      expect(html).not.toContain('<a ');
      expect(html).not.toMatch(/javascript:|data:/);
      expect(html).toContain('Open the career board in Teams');
    }
  });

  it('a quote in the board link cannot break out of the attribute', () => {
    const html = renderAgenda({ ...input, boardUrl: 'https://example.com/board?x="><script>' });
    expect(html).not.toContain('<script');
    expect(html).toMatch(/<a href="https:\/\/example\.com\/board\?x=[^"]*">/);
  });
});
