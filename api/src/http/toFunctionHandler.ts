import type {
  HttpHandler,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';

import type { Services } from '../services';
import { problemFromCosmos } from '../store/cosmosErrors';
import { Problem, problemBody } from './problems';
import type { RouteDefinition } from './route';

/**
 * Wraps a route's handler into an Azure Functions HTTP handler: authenticates the caller when the
 * route needs one and maps every failure to problem+json. Both the Functions host and the local
 * host call what this returns, so a handler never knows where it runs.
 */
export function toFunctionHandler(
  route: RouteDefinition,
  getServices: () => Promise<Services>,
): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    try {
      const services = await getServices();
      if (route.auth === 'anonymous') return await route.handler({ request, context, services });
      const caller = await services.validateToken(request.headers.get('authorization'));
      return await route.handler({ request, context, services, caller });
    } catch (error) {
      return toProblemResponse(error, request, context);
    }
  };
}

export function toProblemResponse(
  error: unknown,
  request: HttpRequest,
  context: InvocationContext,
): HttpResponseInit {
  const problem =
    error instanceof Problem
      ? error
      : (problemFromCosmos(error) ??
        new Problem(
          'internal',
          `An unexpected error occurred. Quote ${context.invocationId} if you contact support.`,
        ));
  if (!(error instanceof Problem) || problem.status >= 500) {
    context.error(
      `${context.functionName} ${request.method} failed: ${describeError(error)} (invocation ${context.invocationId})`,
    );
  }
  return {
    status: problem.status,
    jsonBody: problemBody(problem, new URL(request.url).pathname),
    headers: {
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      ...problem.headers,
    },
  };
}

/**
 * The error's name and code only. Never its message: messages from Cosmos DB, Graph or our own
 * code can quote the document or request body (an aspiration's title, a private note), and logs
 * must never carry board content.
 */
export function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'non-error thrown';
  const name =
    error instanceof Error
      ? error.name
      : (error as { constructor?: { name?: string } }).constructor?.name;
  const code = (error as { code?: unknown }).code;
  const safeCode =
    typeof code === 'number' || (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code))
      ? ` code=${code}`
      : '';
  return `${/^[A-Za-z0-9_.$]{1,64}$/.test(name ?? '') ? name : 'Error'}${safeCode}`;
}
