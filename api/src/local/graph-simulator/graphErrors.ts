/**
 * Errors in Microsoft Graph's shape: `{"error": {"code", "message", "innerError": {...}}}`. Codes
 * and messages follow what Graph returns for the same mistake, so client code that branches on
 * them behaves as it will in production.
 */

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export class GraphHttpError extends Error {
  override name = 'GraphHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function graphErrorBody(
  error: GraphHttpError,
  requestId: string,
  clientRequestId: string,
): GraphErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        // Graph reports the date without fractional seconds or zone designator.
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

export const invalidToken = (message: string) =>
  new GraphHttpError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate': 'Bearer realm="", error="invalid_token"',
  });

export const insufficientPrivileges = () =>
  new GraphHttpError(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );

export const resourceNotFound = (resource: string) =>
  new GraphHttpError(
    404,
    'Request_ResourceNotFound',
    `Resource '${resource}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const unsupportedQuery = (message: string) =>
  new GraphHttpError(400, 'Request_UnsupportedQuery', message);

export const badRequest = (message: string) =>
  new GraphHttpError(400, 'Request_BadRequest', message);

export const segmentNotFound = (segment: string) =>
  new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

/** Graph's answer when a delta token outlived its sync state (here: the simulator restarted). */
export const syncStateNotFound = () =>
  new GraphHttpError(
    410,
    'SyncStateNotFound',
    'The sync state generation is not found. Start a new round of change tracking without a token.',
  );

export const mailboxNotEnabled = () =>
  new GraphHttpError(
    404,
    'MailboxNotEnabledForRESTAPI',
    'REST API is not yet supported for this mailbox.',
  );
