import type {
  HttpMethod,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';

import type { Caller } from '../domain/caller';
import type { Services } from '../services';

export interface RouteInput {
  request: HttpRequest;
  context: InvocationContext;
  services: Services;
}

export interface CallerRouteInput extends RouteInput {
  caller: Caller;
}

interface RouteBase {
  /** The Azure Function name; unique. */
  name: string;
  methods: HttpMethod[];
  /** Azure Functions route template under `/api/`, e.g. `boards/{employeeId}`. */
  route: string;
}

export interface AnonymousRoute extends RouteBase {
  auth: 'anonymous';
  handler: (input: RouteInput) => Promise<HttpResponseInit>;
}

export interface CallerRoute extends RouteBase {
  auth: 'caller';
  handler: (input: CallerRouteInput) => Promise<HttpResponseInit>;
}

export type RouteDefinition = AnonymousRoute | CallerRoute;
