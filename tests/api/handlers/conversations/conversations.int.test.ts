import type { ConversationView } from '../../../../api/src/contract/conversationContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addConversation } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

let stack: TestStack;
const { employee, manager } = DEMO.contoso;
let path: string;

beforeAll(async () => {
  stack = await startTestStack();
  const record = await addConversation(stack, employee, manager);
  path = `/boards/${employee}/conversations/${record.id}`;
});
afterAll(async () => {
  await stack.close();
});

describe('conversations on the board', () => {
  it('both people write shared notes and agreed actions; a stale ETag is refused', async () => {
    const list = await stack.call<{ conversations: ConversationView[] }>(
      `/boards/${employee}/conversations`,
      { as: manager },
    );
    const etag = list.body.conversations[0].etag;
    const saved = await stack.call<ConversationView>(path, {
      as: manager,
      method: 'PATCH',
      body: {
        sharedNotes: 'Agreed: lead the Q1 migration',
        actionItems: [{ text: 'Book the AWS course', owner: 'manager', dueDate: '2027-01-15' }],
      },
      headers: { 'If-Match': etag },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.actionItems[0]).toMatchObject({
      text: 'Book the AWS course',
      owner: 'manager',
      done: false,
    });
    const stale = await stack.call(path, {
      as: employee,
      method: 'PATCH',
      body: { sharedNotes: 'overwrite' },
      headers: { 'If-Match': etag },
    });
    expect(stale.status).toBe(412);
    const missing = await stack.call(path, {
      as: employee,
      method: 'PATCH',
      body: { sharedNotes: 'overwrite' },
    });
    expect(missing.status).toBe(428);
    const read = await stack.call<{ conversations: ConversationView[] }>(
      `/boards/${employee}/conversations`,
      { as: employee },
    );
    expect(read.body.conversations[0].sharedNotes).toBe('Agreed: lead the Q1 migration');
  });

  it("each person's private notes on a conversation stay theirs", async () => {
    await stack.call(path, {
      as: employee,
      method: 'PATCH',
      body: { privateNotes: 'EMP-PRIVATE-1' },
    });
    await stack.call(path, {
      as: manager,
      method: 'PATCH',
      body: { privateNotes: 'MGR-PRIVATE-2' },
    });
    const asEmployee = await stack.call<{ conversations: ConversationView[] }>(
      `/boards/${employee}/conversations`,
      { as: employee },
    );
    const asManager = await stack.call<{ conversations: ConversationView[] }>(
      `/boards/${employee}/conversations`,
      { as: manager },
    );
    expect(asEmployee.body.conversations[0].privateNotes).toBe('EMP-PRIVATE-1');
    expect(asManager.body.conversations[0].privateNotes).toBe('MGR-PRIVATE-2');
    expect(JSON.stringify(asEmployee.body)).not.toContain('MGR-PRIVATE');
    expect(JSON.stringify(asManager.body)).not.toContain('EMP-PRIVATE');
  });

  it('refuses a malformed conversation id and unknown fields', async () => {
    expect(
      (
        await stack.call(`/boards/${employee}/conversations/nope`, {
          as: employee,
          method: 'PATCH',
          body: { privateNotes: 'x' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await stack.call(path, { as: employee, method: 'PATCH', body: { status: 'held' } })).status,
    ).toBe(400);
  });
});
