import type { IncomingMessage, ServerResponse } from 'node:http';

import { z } from 'zod';

import { GUID } from '../../contract/ids';
import type { DemoUser } from '../demo-org/types';
import { PROBLEM_TYPE_BASE } from '../../errors/problem';
import type { FieldProblem } from '../../errors/problem';
import { BodyTooLargeError, parseJson, readBody, sendJson } from '../http-utils';
import { OrgStoreError } from './orgStore';
import type { OrgStore } from './orgStore';

/**
 * Local-only `/dev/users`: the demo people of every tenant, for the "sign in as" picker, and a way
 * for tests and the browser to reshape the org chart (move someone to a new manager, disable an
 * account) through the same store the Graph simulator serves, so delta sync sees the change.
 */

export interface DevUser {
  id: string;
  tenantId: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  managerId: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  isCareerBoardAdmin: boolean;
}

export interface DevUsersHandler {
  /** Serves `/dev/users` and `/dev/users/{id}`; returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

const devUserPatch = z.strictObject({
  managerId: z.string().regex(GUID, 'must be a user object id (GUID)').nullable().optional(),
  jobTitle: z.string().trim().min(1, 'must not be empty').max(128).optional(),
  department: z.string().trim().min(1, 'must not be empty').max(64).optional(),
  accountEnabled: z.boolean().optional(),
});

export function toDevUser(user: DemoUser): DevUser {
  return {
    id: user.id,
    tenantId: user.tenantId,
    displayName: user.displayName,
    mail: user.mail,
    userPrincipalName: user.userPrincipalName,
    jobTitle: user.jobTitle,
    department: user.department,
    managerId: user.managerId,
    accountEnabled: user.accountEnabled,
    userType: user.userType,
    isCareerBoardAdmin: user.isCareerBoardAdmin,
  };
}

export function createDevUsersHandler(store: OrgStore): DevUsersHandler {
  return {
    async handle(req, res, path) {
      if (path === '/dev/users' || path === '/dev/users/') {
        if (req.method === 'GET') sendJson(res, 200, store.snapshot().users.map(toDevUser));
        else methodNotAllowed(res, 'GET');
        return true;
      }
      const match = /^\/dev\/users\/([^/]+)$/.exec(path);
      if (!match) return false;
      if (req.method === 'PATCH')
        await patchUser(store, req, res, safeDecode(match[1]).toLowerCase());
      else methodNotAllowed(res, 'PATCH');
      return true;
    },
  };
}

async function patchUser(
  store: OrgStore,
  req: IncomingMessage,
  res: ServerResponse,
  userId: string,
): Promise<void> {
  const user = store.findUser(userId);
  if (!user) return problem(res, 404, 'not-found', `No demo user with id ${userId}`);
  let body: unknown;
  try {
    body = parseJson(await readBody(req, 16 * 1024));
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return problem(res, 413, 'payload-too-large', error.message);
    return problem(res, 400, 'validation', 'The body must be JSON.');
  }
  const parsed = devUserPatch.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(body)',
      message: issue.message,
    }));
    return problem(res, 400, 'validation', 'The body is not a valid user change.', errors);
  }
  if (Object.keys(parsed.data).length === 0) {
    const message = 'Give at least one of managerId, jobTitle, department, accountEnabled.';
    return problem(res, 400, 'validation', message, [{ path: '(body)', message }]);
  }
  try {
    const updated = store.updateUser(user.tenantId, user.id, parsed.data);
    sendJson(res, 200, toDevUser(updated));
  } catch (error) {
    if (error instanceof OrgStoreError && error.code === 'invalid-manager') {
      return problem(res, 400, 'validation', error.message, [
        { path: 'managerId', message: error.message },
      ]);
    }
    throw error;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  problem(res, 405, 'method-not-allowed', `Use ${allow} on this path.`, [], { Allow: allow });
}

const TITLES = {
  validation: 'Invalid request',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'payload-too-large': 'Request too large',
} as const;

/**
 * RFC 9457 problem+json in the API's vocabulary. Bad input is a 400 here (the brief for this
 * dev endpoint), where the API's own validation problems use 422.
 */
function problem(
  res: ServerResponse,
  status: number,
  type: keyof typeof TITLES,
  detail: string,
  errors: FieldProblem[] = [],
  headers: Record<string, string> = {},
): void {
  sendJson(
    res,
    status,
    {
      type: `${PROBLEM_TYPE_BASE}${type}`,
      title: TITLES[type],
      status,
      detail,
      ...(errors.length ? { errors } : {}),
    },
    { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  );
}
