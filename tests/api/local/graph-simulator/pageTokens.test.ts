import fc from 'fast-check';

import type { GraphHttpError } from '../../../../api/src/local/graph-simulator/graphErrors';
import { createPageTokens } from '../../../../api/src/local/graph-simulator/pageTokens';
import type { PageState } from '../../../../api/src/local/graph-simulator/pageTokens';

const tokens = createPageTokens('test-secret');
const TENANT = '7b0c5a3e-1d2f-4c6b-9a8e-c0a7050c0001';
const OTHER_TENANT = '5f1d8e2a-3b4c-4d5e-8f90-fab000000002';
const EPOCH = 'epoch-1';

const query = { pageSize: 999, select: ['id' as const], manager: true };
const deltaState: PageState = { kind: 'delta', since: 42, ...query };
const usersState: PageState = { kind: 'users', offset: 100, accountEnabled: true, ...query };

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as GraphHttpError;
  }
  throw new Error('expected the token to be refused');
};

describe('page and delta tokens', () => {
  it('round-trip the page state and are safe to put in a URL unescaped', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 999 }), (since, upto, pageSize) => {
        const state: PageState = {
          kind: 'deltaChanges',
          since,
          upto,
          offset: 0,
          pageSize,
          select: null,
          manager: false,
        };
        const token = tokens.encode(TENANT, EPOCH, state);
        expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
        expect(tokens.decode(token, TENANT, EPOCH, ['deltaChanges'])).toEqual(state);
      }),
    );
  });

  it('cannot be used by another tenant', () => {
    const token = tokens.encode(TENANT, EPOCH, deltaState);
    expect(errorOf(() => tokens.decode(token, OTHER_TENANT, EPOCH, ['delta']))).toMatchObject({
      status: 400,
      code: 'Request_BadRequest',
    });
  });

  it('cannot be edited: any changed character is refused', () => {
    const token = tokens.encode(TENANT, EPOCH, deltaState);
    fc.assert(
      fc.property(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom('A', 'b', '0', '_', '-'),
        (at, char) => {
          fc.pre(token[at] !== char && token[at] !== '.');
          const edited = token.slice(0, at) + char + token.slice(at + 1);
          expect(errorOf(() => tokens.decode(edited, TENANT, EPOCH, ['delta'])).status).toBe(400);
        },
      ),
    );
  });

  it('are only accepted where their kind belongs', () => {
    const skipToken = tokens.encode(TENANT, EPOCH, usersState);
    expect(errorOf(() => tokens.decode(skipToken, TENANT, EPOCH, ['delta'])).status).toBe(400);
    expect(errorOf(() => tokens.decode('not-a-token', TENANT, EPOCH, ['users'])).status).toBe(400);
  });

  it('ask for a resync (410) when a delta token predates the store, and refuse a stale page token', () => {
    const deltaToken = tokens.encode(TENANT, 'old-epoch', deltaState);
    expect(errorOf(() => tokens.decode(deltaToken, TENANT, EPOCH, ['delta']))).toMatchObject({
      status: 410,
      code: 'SyncStateNotFound',
    });
    const skipToken = tokens.encode(TENANT, 'old-epoch', usersState);
    expect(errorOf(() => tokens.decode(skipToken, TENANT, EPOCH, ['users'])).status).toBe(400);
  });

  it('signed with another secret are refused', () => {
    const foreign = createPageTokens('another-secret').encode(TENANT, EPOCH, deltaState);
    expect(errorOf(() => tokens.decode(foreign, TENANT, EPOCH, ['delta'])).status).toBe(400);
  });
});
