import {
  isMeetingChatId,
  meetingChatIdOf,
  meetingChatToken,
} from '../../../../api/src/domain/conversations/meetingChat';

const CHAT = '19:meeting_NjVhZTk2ZDgtYjE3Ny00ZjEwLWE2ZTMtNjk0ZDY1N2Yx@thread.v2';

describe('the meeting chat a booked conversation points to', () => {
  it('is read from a Teams join URL, however its thread id is percent-encoded', () => {
    for (const thread of [
      '19%3ameeting_NjVhZTk2ZDgtYjE3Ny00ZjEwLWE2ZTMtNjk0ZDY1N2Yx%40thread.v2',
      '19%3Ameeting_NjVhZTk2ZDgtYjE3Ny00ZjEwLWE2ZTMtNjk0ZDY1N2Yx%40thread.v2',
    ]) {
      expect(
        meetingChatIdOf(
          `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=%7b%22Tid%22%3a%22t%22%7d`,
        ),
      ).toBe(CHAT);
    }
  });

  it('is nothing for a link that is not a Teams meeting, or no link', () => {
    expect(meetingChatIdOf(null)).toBeNull();
    expect(meetingChatIdOf('not a url')).toBeNull();
    expect(meetingChatIdOf('https://teams.microsoft.com/l/meetup-join/test')).toBeNull();
    expect(meetingChatIdOf('https://example.com/l/chat/19%3aabc%40unq.gbl.spaces/0')).toBeNull();
    expect(meetingChatIdOf('https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0')).toBeNull();
  });

  it('tells a meeting chat id from a 1:1 chat id, and gives the part a stored URL contains', () => {
    expect(isMeetingChatId(CHAT)).toBe(true);
    expect(isMeetingChatId('19:a_b@unq.gbl.spaces')).toBe(false);
    expect(isMeetingChatId(`${CHAT} `)).toBe(false);
    expect(meetingChatToken(CHAT)).toBe('meeting_NjVhZTk2ZDgtYjE3Ny00ZjEwLWE2ZTMtNjk0ZDY1N2Yx');
    expect(meetingChatToken('19:meeting_x@thread.v2')).toBeNull();
  });
});
