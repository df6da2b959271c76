import {
  codeSuffix,
  describeError,
  describeNotification,
  errorCode,
  failureReason,
} from '../../../api/src/logging/logSafety';

/** Every way the API turns an error into log text keeps the error's message out. */

const SECRET = 'I want to leave for a competitor next spring';

describe('log safety', () => {
  const thrown = Object.assign(new Error(`Failed to write {"title":"${SECRET}"}`), {
    code: 'Conflict',
  });

  it('describes a thrown error by its kind and code, never its message', () => {
    expect(describeError(thrown)).toBe('Error code=Conflict');
    expect(failureReason(thrown)).toBe('Error code=Conflict');
    expect(codeSuffix(thrown)).toBe(' code=Conflict');
    expect(errorCode(thrown)).toBe('Conflict');
  });

  it('names a Graph failure by its status', () => {
    expect(failureReason(Object.assign(new Error(SECRET), { statusCode: 503 }))).toBe('Graph 503');
  });

  it('drops a code, a status or a name that is itself free text', () => {
    const sly = Object.assign(new Error(SECRET), { code: `bad ${SECRET}`, name: SECRET });
    for (const text of [describeError(sly), failureReason(sly), codeSuffix(sly)])
      expect(text).not.toContain(SECRET);
    expect(errorCode({ statusCode: SECRET })).toBeUndefined();
    expect(describeError(SECRET)).toBe('non-error thrown');
  });

  it('describes a notification by ids, type and outcome', () => {
    expect(
      describeNotification(
        't1',
        { recipientId: 'e1', activityType: 'aspirationAcknowledged' },
        { sent: false, status: 403, reason: 'not-installed' },
      ),
    ).toBe(
      'activity notification aspirationAcknowledged to e1 in tenant t1: not sent (not-installed, Graph 403)',
    );
  });
});
