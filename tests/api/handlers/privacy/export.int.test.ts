import type { MyDataExport } from '../../../../api/src/contract/exportContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, addConversation } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';
import { acknowledgeAndComment, expectStatus, storedState, writeNotes } from './privacyKit';

/**
 * The employee's own export: a file to keep, in JSON and Markdown, with their board, history and
 * conversations and the private notes they wrote, and never anyone else's private notes.
 */

const { employee: nia, manager: tobias } = DEMO.contoso;
const HOSTILE =
  '<script>alert("x")</script> # heading [link](javascript:alert(1)) ![i](https://x.example/i.png)';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  const aspiration = await addAspiration(stack, nia, { title: HOSTILE, details: 'NIA-DETAILS' });
  await acknowledgeAndComment(stack, nia, aspiration, tobias, {
    note: 'Will sponsor',
    comment: 'TOBIAS-VISIBLE-COMMENT',
  });
  await writeNotes(stack, nia, nia, 'NIA-OWN-NOTE');
  await writeNotes(stack, nia, tobias, 'TOBIAS-PRIVATE-ON-NIA');
  const conversation = await addConversation(stack, nia, tobias);
  for (const [as, text] of [
    [nia, 'NIA-CONVERSATION-NOTE'],
    [tobias, 'TOBIAS-CONVERSATION-NOTE'],
  ])
    await expectStatus(
      stack.call(`/boards/${nia}/conversations/${conversation.id}`, {
        as,
        method: 'PATCH',
        body: { privateNotes: text },
      }),
      200,
    );
});
afterAll(async () => {
  await stack.close();
});

const download = (as: string, format: string) =>
  stack.call<string>(`/me/export?format=${format}`, { as });

describe('GET /me/export', () => {
  it('JSON: a file download that parses, with her board, history, conversations and her own notes', async () => {
    const result = await download(nia, 'json');
    expect(result.status).toBe(200);
    expect(result.headers.get('content-disposition')).toMatch(
      /^attachment; filename="career-board-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    // The test client reads the raw body and JSON.parses it: the file is valid JSON on its own.
    const data = (
      typeof result.body === 'string' ? JSON.parse(result.body) : result.body
    ) as MyDataExport;
    expect(data.format).toBe('career-board-export');
    expect(data.person.id).toBe(nia);
    expect(data.aspirations.map((a) => a.title)).toEqual([HOSTILE]);
    expect(data.aspirations[0].comments.map((c) => c.text)).toEqual(['TOBIAS-VISIBLE-COMMENT']);
    expect(data.aspirations[0].acknowledgement?.note).toBe('Will sponsor');
    expect(data.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['aspiration.created', 'aspiration.acknowledged', 'comment.added']),
    );
    expect(data.conversations).toHaveLength(1);
    expect(data.conversations[0].myPrivateNotes).toBe('NIA-CONVERSATION-NOTE');
    expect(data.privateNotes.map((n) => n.text)).toEqual(['NIA-OWN-NOTE']);
  });

  it('never carries anybody else’s private notes, in either format', async () => {
    for (const format of ['json', 'md']) {
      const text = (await download(nia, format)).body;
      const raw = typeof text === 'string' ? text : JSON.stringify(text);
      expect(raw).not.toContain('TOBIAS-PRIVATE-ON-NIA');
      expect(raw).not.toContain('TOBIAS-CONVERSATION-NOTE');
      expect(raw).toContain('NIA-OWN-NOTE');
    }
  });

  it('the manager’s own export has the notes he wrote on her board, which are his', async () => {
    const result = await download(tobias, 'json');
    const data = (
      typeof result.body === 'string' ? JSON.parse(result.body) : result.body
    ) as MyDataExport;
    expect(data.person.id).toBe(tobias);
    expect(data.privateNotes).toEqual([
      expect.objectContaining({ boardOf: nia, text: 'TOBIAS-PRIVATE-ON-NIA' }),
    ]);
    expect(data.conversationNotesAsManager.map((n) => n.text)).toEqual([
      'TOBIAS-CONVERSATION-NOTE',
    ]);
    expect(data.aspirations).toEqual([]);
  });

  it('Markdown: a document with headings, where nothing she typed becomes HTML or a link', async () => {
    const result = await download(nia, 'md');
    expect(result.status).toBe(200);
    expect(result.contentType).toMatch(/^text\/markdown; charset=utf-8/);
    expect(result.headers.get('content-disposition')).toMatch(/filename="career-board-.*\.md"$/);
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    const markdown = result.body;
    const lines = markdown.split('\n');
    expect(lines[0]).toMatch(/^# Career Board export: /);
    expect(lines.filter((l) => /^## /.test(l))).toEqual([
      '## Aspirations',
      '## Conversations',
      '## My private notes',
      '## Shared with sponsors and mentors',
      '## History',
    ]);
    expect(markdown).not.toMatch(/</);
    expect(markdown).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/m);
    expect(markdown).toContain('### &lt;script&gt;');
    expect(markdown).toContain('NIA-DETAILS');
  });

  it('refuses an unknown format with 400 problem+json and changes nothing', async () => {
    const state = await storedState(stack);
    await expectStatus(download(nia, 'pdf'), 400);
    await expectStatus(stack.call('/me/export?format=md'), 401);
    expect(await storedState(stack)).toBe(state);
  });
});
