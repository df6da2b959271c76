import type {
  HttpHandler,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';

import { problemBody } from '../errors/problem';
import type { RouteDefinition } from '../http/route';
import { describeError } from '../logging/logSafety';
import type { Services } from '../services';
import { problemOf } from './problemMapping';

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
  const { problem, expected } = problemOf(error, context.invocationId);
  if (!expected || problem.status >= 500) {
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
