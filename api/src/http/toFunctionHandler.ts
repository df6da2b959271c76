import type {
  HttpHandler,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';

import { Problem, problemBody } from './problems';
import type { RouteDefinition } from './route';
import type { Services } from '../services';

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
      : new Problem(
          'internal',
          `An unexpected error occurred. Quote ${context.invocationId} if you contact support.`,
        );
  if (!(error instanceof Problem) || problem.status >= 500) {
    // Ids and outcomes only: request bodies may hold aspirations, which never go to logs.
    context.error(`${context.functionName} ${request.method} failed: ${errorName(error)}`);
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

function errorName(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 200)}`;
  return 'non-error thrown';
}
