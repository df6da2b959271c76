import { HttpRequest, InvocationContext } from '@azure/functions';

import { toProblemResponse } from '../../../api/src/functions/toFunctionHandler';

/** Failures become problem+json; what is logged about them never carries their message. */

function context(lines: string[]) {
  return new InvocationContext({
    invocationId: 'inv-123',
    functionName: 'aspirationUpdate',
    logHandler: (level, ...args) => lines.push(`${level} ${args.map(String).join(' ')}`),
  });
}

const request = () =>
  new HttpRequest({
    method: 'PATCH',
    url: 'http://localhost/api/boards/e/aspirations/a',
  });

const SECRET = 'I want to leave for a competitor next spring';

describe('toProblemResponse', () => {
  it('logs the error name, code and ids, never its message (which may quote board content)', () => {
    const lines: string[] = [];
    const error = Object.assign(new Error(`Failed to write {"title":"${SECRET}"}`), {
      code: 503,
      name: 'ErrorResponse',
    });
    const response = toProblemResponse(error, request(), context(lines));
    expect(response.status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('aspirationUpdate');
    expect(lines[0]).toContain('ErrorResponse');
    expect(lines[0]).toContain('code=503');
    expect(lines[0]).toContain('inv-123');
    expect(lines[0]).not.toContain(SECRET);
    expect(JSON.stringify(response.jsonBody)).not.toContain(SECRET);
  });

  it('does not log a code that is itself free text', () => {
    const lines: string[] = [];
    toProblemResponse({ code: `bad ${SECRET}` }, request(), context(lines));
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('maps a Cosmos DB 413 (item too large) to 422 problem+json, not 500', () => {
    const lines: string[] = [];
    const error = Object.assign(new Error('Request size is too large'), { code: 413 });
    const response = toProblemResponse(error, request(), context(lines));
    expect(response.status).toBe(422);
    expect((response.headers as Record<string, string>)['Content-Type']).toBe(
      'application/problem+json',
    );
    expect(response.jsonBody).toMatchObject({ status: 422, detail: expect.stringMatching(/2 MB/) });
  });
});
