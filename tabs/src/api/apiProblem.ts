import type { ProblemView } from '@contract/boardContract';

/**
 * A failed API call as a value: the HTTP status plus the RFC 9457 problem the API sent (its
 * `detail` is written for people, its `errors` name the fields at fault).
 */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly fieldErrors: { path: string; message: string }[] = [],
    readonly instance: string | null = null,
    /** The problem's extension members, e.g. the fresh `suggestions` of a 409 on a pick. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail || title);
  }

  /** Someone else saved a newer version first (412). */
  get isStale(): boolean {
    return this.status === 412;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export function isProblemBody(body: unknown): body is ProblemView {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ProblemView).status === 'number' &&
    typeof (body as ProblemView).title === 'string'
  );
}

export function problemFromResponse(status: number, body: unknown): ApiProblem {
  if (isProblemBody(body)) {
    const errors = Array.isArray(body.errors)
      ? body.errors.filter((e) => typeof e?.path === 'string' && typeof e?.message === 'string')
      : [];
    const {
      type: _type,
      title,
      status: _status,
      detail,
      instance,
      errors: _errors,
      ...rest
    } = body as ProblemView & Record<string, unknown>;
    return new ApiProblem(status, title, detail ?? '', errors, instance ?? null, rest);
  }
  return new ApiProblem(status, `The request failed (${status})`, '');
}

export function networkProblem(): ApiProblem {
  return new ApiProblem(0, 'Can’t reach Career Board', '');
}
