import type { AgendaInput } from '../../../../api/src/domain/scheduling/agenda';
import {
  conversationStarters,
  MAX_STARTERS,
  renderAgenda,
} from '../../../../api/src/domain/scheduling/agenda';

const NOW = '2027-02-15T09:00:00.000Z';

const input: AgendaInput = {
  employeeName: 'Ada Lovelace',
  managerName: 'Grace Hopper',
  boardUrl: 'https://teams.microsoft.com/l/entity/app-id/board?context=%7B%7D',
  now: NOW,
  aspirations: [
    {
      title: 'Lead the analytics engine project',
      horizon: '1y',
      kind: 'project',
      targetDate: '2027-09-30',
      createdAt: '2026-09-01T10:00:00Z',
      acknowledgement: {
        at: '2026-09-20T10:00:00Z',
        note: 'I will ask Ada to demo it',
        changedSince: false,
      },
      openSteps: ['Write the design proposal', 'Pair with the platform team'],
      evidenceSinceLast: [{ text: 'Presented the prototype', date: '2026-09-14T10:00:00Z' }],
    },
    {
      title: 'Staff engineer',
      horizon: '3y',
      kind: 'title',
      targetDate: null,
      createdAt: '2026-08-01T10:00:00Z',
      acknowledgement: { at: '2026-08-02T10:00:00Z', note: null, changedSince: false },
      openSteps: ['Mentor two engineers'],
      evidenceSinceLast: [],
    },
  ],
  carriedActions: [
    { text: 'Book the compiler course', owner: 'Ada Lovelace', dueDate: '2027-03-31' },
    { text: 'Introduce Ada to the CTO', owner: 'Grace Hopper' },
  ],
};

const sectionOf = (html: string, heading: string, next: string) =>
  html.slice(html.indexOf(heading), html.indexOf(next, html.indexOf(heading) + heading.length));

describe('the conversation agenda', () => {
  it('groups aspirations by horizon with the labels the board shows, never raw codes', () => {
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
      '<strong>Lead the analytics engine project</strong> (Project) · target date 30 September 2027',
    );
    expect(oneYearSection).toContain('<li>Write the design proposal</li>');
    expect(oneYearSection).toContain('<li>14 September 2026: Presented the prototype</li>');
    expect(html.slice(threeYears)).toContain('<strong>Staff engineer</strong> (Title or role)');
    expect(html).not.toMatch(/\((project|title|account|other)\)|\d{4}-\d{2}-\d{2}/);
    expect(
      renderAgenda({ ...input, aspirations: [{ ...input.aspirations[0], kind: 'account' }] }),
    ).toContain('(Client account)');
  });

  it("shows acknowledgement, the manager's support note, and what waits for the manager", () => {
    const html = renderAgenda({
      ...input,
      aspirations: [
        input.aspirations[0],
        {
          ...input.aspirations[1],
          acknowledgement: { at: '2026-08-02T10:00:00Z', note: null, changedSince: true },
        },
        {
          title: 'Join the Zurich office',
          horizon: 'next',
          kind: 'other',
          createdAt: '2027-01-20T10:00:00Z',
          acknowledgement: null,
          openSteps: [],
          evidenceSinceLast: [],
        },
      ],
    });
    expect(html).toContain('Acknowledged by Grace Hopper on 20 September 2026.');
    expect(html).toContain("Grace Hopper's support: I will ask Ada to demo it");
    expect(html).toContain('Changed since Grace Hopper acknowledged it on 2 August 2026.');
    expect(html).toContain('Not acknowledged yet (waiting 3 weeks).');
    const waiting = sectionOf(html, '<h3>Waiting for Grace Hopper</h3>', '<h3>');
    expect(waiting).toContain('“Join the Zurich office”: not acknowledged yet');
    expect(waiting).toContain('“Staff engineer”: changed since acknowledged');
    expect(waiting).not.toContain('analytics');
    expect(renderAgenda(input)).not.toContain('Waiting for');
  });

  it('flags a target date that has passed, and a carried action past its due date', () => {
    const html = renderAgenda({
      ...input,
      aspirations: [{ ...input.aspirations[0], targetDate: '2027-02-14' }],
      carriedActions: [{ text: 'Book the course', owner: 'Ada Lovelace', dueDate: '2027-01-31' }],
    });
    expect(html).toContain('target date 14 February 2027 <strong>has passed</strong>');
    expect(html).toContain(
      'Book the course (Ada Lovelace, due 31 January 2027) <strong>past due</strong>',
    );
    // Today is not past.
    expect(
      renderAgenda({
        ...input,
        aspirations: [{ ...input.aspirations[0], targetDate: '2027-02-15' }],
      }),
    ).not.toContain('has passed');
  });

  it('carries over open actions with their owner and due date', () => {
    const html = renderAgenda(input);
    expect(html).toContain('<li>Book the compiler course (Ada Lovelace, due 31 March 2027)</li>');
    expect(html).toContain('<li>Introduce Ada to the CTO (Grace Hopper)</li>');
    expect(renderAgenda({ ...input, carriedActions: [] })).toContain(
      'No open actions from the last conversation.',
    );
  });

  it("gives the meeting's time on both people's clocks, once when they share a zone", () => {
    const meeting = {
      start: '2027-02-23T15:00:00.000Z',
      employeeTimeZone: 'Europe/Berlin',
      managerTimeZone: 'India Standard Time',
    };
    expect(renderAgenda({ ...input, meeting })).toContain(
      'When: Tuesday 23 February 2027 at 16:00 (Europe/Berlin) for Ada Lovelace; Tuesday 23 February 2027 at 20:30 (Asia/Kolkata) for Grace Hopper.',
    );
    expect(
      renderAgenda({ ...input, meeting: { ...meeting, managerTimeZone: 'Europe/Berlin' } }),
    ).toContain('When: Tuesday 23 February 2027 at 16:00 (Europe/Berlin).</p>');
  });

  it('says plainly when the time is outside working hours, and who takes the early side next', () => {
    const html = renderAgenda({
      ...input,
      meeting: {
        start: '2027-02-23T14:30:00.000Z',
        employeeTimeZone: 'Asia/Kolkata',
        managerTimeZone: 'America/Los_Angeles',
        stretch: { earlySide: 'manager', employeeLocalStart: '20:00', managerLocalStart: '06:30' },
      },
    });
    expect(html).toContain('<strong>Outside working hours:</strong>');
    expect(html).toContain('it starts at 20:00 for Ada Lovelace and 06:30 for Grace Hopper.');
    expect(html).toContain(
      'Grace Hopper takes the early side this quarter; next quarter Ada Lovelace does.',
    );
    expect(renderAgenda(input)).not.toContain('Outside working hours');
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

  it('links to the board', () => {
    expect(renderAgenda(input)).toContain(
      `<a href="https://teams.microsoft.com/l/entity/app-id/board?context=%7B%7D">Open Ada Lovelace's career board in Teams</a>`,
    );
  });

  it('tells both people to open Career Board in the meeting, board link or not', () => {
    for (const boardUrl of [input.boardUrl, 'not a url']) {
      const html = renderAgenda({ ...input, boardUrl });
      expect(html).toContain(
        '<p>In the meeting, open Career Board together: add it with + in the meeting&#39;s tabs, or open it from the meeting chat. It shows this board.</p>',
      );
    }
  });

  it('a <script> in any field comes out escaped', () => {
    const html = renderAgenda({
      ...input,
      employeeName: 'Eve "the" <b>Bold</b>',
      aspirations: [
        {
          title: '<script>alert("board")</script>',
          horizon: 'next',
          kind: 'other',
          targetDate: '2020-01-01',
          createdAt: '2026-01-01T00:00:00Z',
          acknowledgement: {
            at: '2026-02-01T00:00:00Z',
            note: '<img src=x onerror=alert(1)>',
            changedSince: true,
          },
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
    // Starters quote titles: escaped exactly once.
    expect(html).toContain('“&lt;script&gt;alert(&quot;board&quot;)&lt;/script&gt;” changed since');
    expect(html).not.toContain('&amp;lt;');
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

describe('conversation starters are drawn from this board', () => {
  it('an empty board asks where to start', () => {
    const starters = conversationStarters({ ...input, aspirations: [], carriedActions: [] });
    expect(starters[0]).toBe(
      'Ada Lovelace has not written an aspiration yet: what would they like to be doing a year from now?',
    );
  });

  it('an empty column, a passed target date and a long wait each raise their own question, most pressing first', () => {
    const starters = conversationStarters({
      ...input,
      aspirations: [
        { ...input.aspirations[0], targetDate: '2027-01-31' },
        {
          title: 'Speak at a conference',
          horizon: 'next',
          kind: 'skill',
          createdAt: '2027-01-01T09:00:00Z',
          acknowledgement: null,
          openSteps: ['Submit a talk'],
          evidenceSinceLast: [],
        },
      ],
      carriedActions: [],
    });
    expect(starters).toEqual([
      'The target date for “Lead the analytics engine project” has passed: is it still the goal, what got in the way, and what is a realistic new date?',
      "“Speak at a conference” has waited 6 weeks for Grace Hopper's acknowledgement: what does Grace Hopper think of it, and how can they help?",
      'Nothing is written for “In 3 years” yet: where would Ada Lovelace like to be by then?',
      'Ada Lovelace did 1 thing toward these goals since the last conversation: which mattered most, and who should know?',
    ]);
  });

  it('a board with nothing to raise gets one general question, and never more than the cap', () => {
    expect(
      conversationStarters({
        ...input,
        aspirations: input.aspirations
          .map((a) => ({ ...a, evidenceSinceLast: [] }))
          .concat({
            ...input.aspirations[0],
            horizon: 'next',
            evidenceSinceLast: [],
          }),
        carriedActions: [],
      }),
    ).toEqual([
      'Which opportunity in the coming quarter would move Ada Lovelace closest to their plan?',
    ]);
    const many = conversationStarters({
      ...input,
      aspirations: Array.from({ length: 8 }, (_, i) => ({
        ...input.aspirations[0],
        title: `Goal ${i}`,
        targetDate: '2026-01-01',
      })),
    });
    expect(many).toHaveLength(MAX_STARTERS);
  });

  it('two boards that differ get different starters', () => {
    const a = conversationStarters(input);
    const b = conversationStarters({ ...input, aspirations: [] });
    expect(a).not.toEqual(b);
  });
});
