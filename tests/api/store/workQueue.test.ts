import { readQueueHostSettings } from '../../../api/src/local/hostQueueSettings';
import { MESSAGE_ENCODING, encodeQueueMessage } from '../../../api/src/store/workQueue';

describe('work items are encoded as the Functions host reads them', () => {
  it("the sender's encoding is host.json's messageEncoding", () => {
    expect(MESSAGE_ENCODING).toBe(readQueueHostSettings().messageEncoding);
  });

  it('base64 of the JSON text, or the text itself', () => {
    const encoded = encodeQueueMessage({ itemId: 'm1' }, 'base64');
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe('{"itemId":"m1"}');
    expect(encodeQueueMessage('plain', 'none')).toBe('plain');
  });
});
