import { chatTabSettings } from '../../../tabs/src/chat/chatTabSettings';

describe('chat tab settings', () => {
  test('point at the chat board of the employee, named "Career board"', () => {
    expect(chatTabSettings('https://tab.example/', 'emp-1')).toEqual({
      contentUrl: 'https://tab.example/#/chat/emp-1',
      entityId: 'board-emp-1',
      suggestedDisplayName: 'Career board',
    });
  });
});
