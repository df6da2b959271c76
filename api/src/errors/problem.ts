/**
 * Errors are values with a type and a message a person can act on. The HTTP layer turns them
 * into RFC 9457 problem+json in one place (toProblemResponse); handlers only throw or return.
 */

export interface FieldProblem {
  /** JSON path of the field at fault, e.g. `steps[2].text`. */
  path: string;
  message: string;
}

export type ProblemType =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'precondition-failed'
  | 'precondition-required'
  | 'conflict'
  | 'limit-exceeded'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'upstream-unavailable'
  | 'internal';

const STATUS: Record<ProblemType, number> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  validation: 400,
  'limit-exceeded': 422,
  'precondition-required': 428,
  internal: 500,
  'upstream-unavailable': 503,
};

const TITLE: Record<ProblemType, string> = {
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  conflict: 'Conflict',
  'precondition-failed': 'Changed elsewhere',
  'payload-too-large': 'Request too large',
  'unsupported-media-type': 'Unsupported media type',
  validation: 'Invalid request',
  'limit-exceeded': 'Limit reached',
  'precondition-required': 'If-Match required',
  internal: 'Something went wrong',
  'upstream-unavailable': 'A service we depend on is unavailable',
};

export class Problem extends Error {
  override name = 'Problem';
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
    /** RFC 9457 extension members: what the client needs to act, e.g. fresh suggestions. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  get status(): number {
    return STATUS[this.type];
  }

  get title(): string {
    return TITLE[this.type];
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://careerboard.dev/problems/';

export function problemBody(problem: Problem, instance?: string): ProblemBody {
  const body: ProblemBody = {
    ...problem.extensions,
    type: `${PROBLEM_TYPE_BASE}${problem.type}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
  };
  if (instance) body.instance = instance;
  if (problem.errors.length > 0) body.errors = problem.errors;
  return body;
}

export const unauthenticated = (detail: string) =>
  new Problem('unauthenticated', detail, [], { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (detail: string) => new Problem('forbidden', detail);
export const notFound = (detail: string) => new Problem('not-found', detail);
export const conflict = (detail: string, extensions: Record<string, unknown> = {}) =>
  new Problem('conflict', detail, [], {}, extensions);
export const validation = (detail: string, errors: FieldProblem[] = []) =>
  new Problem('validation', detail, errors);
