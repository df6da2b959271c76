import type { ConversationView } from '../../../../api/src/contract/conversationContract';
import type { MeetingPanelView } from '../../../../api/src/contract/meetingContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration } from '../../../support/boardFixtures';
import { demoCast } from '../../../support/demoCast';
import { addMeetingConversation } from '../../../support/meetingFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

const { employee, manager, peer, skipLevel, tenantId } = DEMO.contoso;
const SECRET = 'MEETING-SECRET: the migration lead role';
const panel = (chatId: string) => `/meetings/${encodeURIComponent(chatId)}/panel`;

describe('the board in the Teams meeting the app booked', () => {
  let stack: TestStack;
  let chatId: string;
  let conversationId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    await addAspiration(stack, employee, { title: SECRET });
    const booked = await addMeetingConversation(stack, employee, manager);
    chatId = booked.chatId;
    conversationId = booked.record.id;
  });
  afterAll(async () => {
    await stack.close();
  });

  it('shows the employee and the manager the same pair, quarter and board, found from the stored record', async () => {
    const asEmployee = await stack.call<MeetingPanelView>(panel(chatId), { as: employee });
    const asManager = await stack.call<MeetingPanelView>(panel(chatId), { as: manager });
    for (const result of [asEmployee, asManager]) {
      expect(result.status).toBe(200);
      expect(result.body.board.employee.id).toBe(employee);
      expect(result.body.board.manager?.id).toBe(manager);
      expect(result.body.conversation.id).toBe(conversationId);
      expect(result.body.board.aspirations.map((a) => a.title)).toContain(SECRET);
    }
    expect(asEmployee.body.board.viewer.role).toBe('employee');
    expect(asManager.body.board.viewer.role).toBe('manager');
  });

  it('finds the conversation by the meeting chat id stored at booking, an equality on one field', async () => {
    const [found] = await stack.services.conversations.findByMeetingChat(tenantId, chatId);
    expect(found?.id).toBe(conversationId);
    expect(found?.event?.chatId).toBe(chatId);
    // The stored key alone finds it: with no join URL left to scan, the record is still found.
    await stack.services.conversations.replace(
      { ...found!, event: { ...found!.event!, joinUrl: null } },
      found!._etag,
    );
    const byKey = await stack.services.conversations.findByMeetingChat(tenantId, chatId);
    expect(byKey.map((r) => r.id)).toEqual([conversationId]);
    await stack.services.conversations.replace(found!, byKey[0]!._etag);
    expect((await stack.call(panel(chatId), { as: employee })).status).toBe(200);
  });

  it('still finds a conversation written before the chat id was stored, by its join URL', async () => {
    const older = await addMeetingConversation(stack, employee, manager, {
      quarter: '2026-Q3',
      withoutStoredChat: true,
    });
    expect(older.record.event).not.toHaveProperty('chatId');
    const result = await stack.call<MeetingPanelView>(panel(older.chatId), { as: employee });
    expect(result.status).toBe(200);
    expect(result.body.conversation.id).toBe(older.record.id);
    expect(result.body.board.aspirations.map((a) => a.title)).toContain(SECRET);
  });

  it('answers a poll with If-None-Match 304 and no body until something changes, then the new state', async () => {
    const first = await stack.call<MeetingPanelView>(panel(chatId), { as: manager });
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    const unchanged = await stack.call(panel(chatId), {
      as: manager,
      headers: { 'If-None-Match': etag },
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe('');

    const shared = await stack.call<ConversationView>(
      `/boards/${employee}/conversations/${conversationId}`,
      {
        as: employee,
        method: 'PATCH',
        body: { sharedNotes: 'Agreed: Nia leads the migration.' },
        headers: { 'If-Match': first.body.conversation.etag },
      },
    );
    expect(shared.status).toBe(200);
    const changed = await stack.call<MeetingPanelView>(panel(chatId), {
      as: manager,
      headers: { 'If-None-Match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.conversation.sharedNotes).toBe('Agreed: Nia leads the migration.');
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });

  it('refuses a live edit made from a stale ETag with 412, and nothing changes', async () => {
    const before = await stack.call<MeetingPanelView>(panel(chatId), { as: employee });
    const stale = '"0000-stale"';
    const refused = await stack.call(`/boards/${employee}/conversations/${conversationId}`, {
      as: manager,
      method: 'PATCH',
      body: { sharedNotes: 'overwritten' },
      headers: { 'If-Match': stale },
    });
    expect(refused.status).toBe(412);
    expect(refused.contentType).toContain('application/problem+json');
    const after = await stack.call<MeetingPanelView>(panel(chatId), { as: employee });
    expect(after.body.conversation.sharedNotes).toBe(before.body.conversation.sharedNotes);
  });

  it('keeps each person’s private notes to themselves in the panel', async () => {
    await stack.call(`/boards/${employee}/conversations/${conversationId}`, {
      as: manager,
      method: 'PATCH',
      body: { privateNotes: 'TOBIAS-ONLY' },
    });
    const asManager = await stack.call<MeetingPanelView>(panel(chatId), { as: manager });
    const asEmployee = await stack.call<MeetingPanelView>(panel(chatId), { as: employee });
    expect(asManager.body.conversation.privateNotes).toBe('TOBIAS-ONLY');
    expect(JSON.stringify(asEmployee.body)).not.toContain('TOBIAS-ONLY');
  });

  it.each([
    ['a peer', peer, 403],
    ['the skip-level manager', skipLevel, 403],
    ['someone in another tenant', DEMO.fabrikam.employee, 404],
  ])('shows %s nothing of the board', async (_who, userId, status) => {
    const result = await stack.call(panel(chatId), { as: userId });
    expect(result.status).toBe(status);
    expect(result.contentType).toContain('application/problem+json');
    expect(JSON.stringify(result.body)).not.toContain(SECRET);
  });

  it('refuses a forged meeting id with 400 and an unknown one with 404, saying what the app is for', async () => {
    const forged = await stack.call(panel('19:abc@unq.gbl.spaces'), { as: employee });
    expect(forged.status).toBe(400);
    expect(forged.contentType).toContain('application/problem+json');
    const unknown = await stack.call<{ detail: string }>(
      panel('19:meeting_NotBookedByCareerBoard0000@thread.v2'),
      { as: employee },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/not booked by Career Board/);
  });

  it('shows nothing in a meeting whose chat has other members, even to the pair', async () => {
    const crowded = await addMeetingConversation(stack, peer, manager, { others: [skipLevel] });
    for (const userId of [peer, manager, skipLevel]) {
      const result = await stack.call<{ detail: string }>(panel(crowded.chatId), { as: userId });
      expect(result.status).toBe(403);
      expect(result.contentType).toContain('application/problem+json');
    }
    // And the employee of the first pair cannot open the peer's meeting either.
    expect((await stack.call(panel(crowded.chatId), { as: employee })).status).toBe(403);
  });

  it('stops showing the board to the former manager once the org chart moves the employee', async () => {
    const moving = await startTestStack();
    try {
      const booked = await addMeetingConversation(moving, employee, manager);
      expect((await moving.call(panel(booked.chatId), { as: manager })).status).toBe(200);
      const { peerManager } = demoCast(moving.orgStore.snapshot());
      moving.orgStore.updateUser(tenantId, employee, { managerId: peerManager });
      for (const userId of [manager, peerManager, employee]) {
        const result = await moving.call(panel(booked.chatId), { as: userId });
        expect({ userId, status: result.status }).toEqual({ userId, status: 403 });
      }
    } finally {
      await moving.close();
    }
  });
});
