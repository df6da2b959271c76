/**
 * The one place that turns what happened into log text. Logs and telemetry carry ids, kinds and
 * outcomes, never board content: an error's message can quote a document or request body (an
 * aspiration's title, a private note), so no log line ever carries one. Everything here builds
 * text from names, codes, statuses and ids that match a strict token pattern.
 */

const NAME = /^[A-Za-z0-9_.$]{1,64}$/;
const TOKEN = /^[A-Za-z0-9_.-]{1,64}$/;

/** A code or status as log text: numbers, or short tokens; free text is dropped. */
export function safeToken(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && TOKEN.test(value)) return value;
  return null;
}

/** The error's kind (its name) and code only, e.g. `ErrorResponse code=503`. Never its message. */
export function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'non-error thrown';
  const name =
    error instanceof Error
      ? error.name
      : (error as { constructor?: { name?: string } }).constructor?.name;
  const code = safeToken((error as { code?: unknown }).code);
  return `${NAME.test(name ?? '') ? name : 'Error'}${code === null ? '' : ` code=${code}`}`;
}

/**
 * A failure as a short reason a pass summary can count: `Graph 503` for an error the Graph client
 * answered, otherwise the error's kind and code. Summaries are logged and shown to admins.
 */
export function failureReason(error: unknown): string {
  const status =
    typeof error === 'object' && error !== null && 'statusCode' in error
      ? Number((error as { statusCode: unknown }).statusCode)
      : undefined;
  if (status !== undefined) return `Graph ${Number.isFinite(status) ? status : 'error'}`;
  return describeError(error);
}

/** A network or HTTP error code (ECONNREFUSED, 403, ...) from `code` or `statusCode`, if safe. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return safeToken(code) ?? safeToken(statusCode) ?? undefined;
}

/** `code=412` (with a leading space) when the error carries a safe code, else nothing. */
export function codeSuffix(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null
      ? safeToken((error as { code?: unknown }).code)
      : null;
  return code === null ? '' : ` code=${code}`;
}

/** One activity-notification log line: ids, type and outcome, never the notification's text. */
export function describeNotification(
  tenantId: string,
  notification: { recipientId: string; activityType: string },
  outcome: { sent: true } | { sent: false; status: number | null; reason: string },
): string {
  const result = outcome.sent
    ? 'sent'
    : `not sent (${outcome.reason}${outcome.status === null ? '' : `, Graph ${outcome.status}`})`;
  return `activity notification ${notification.activityType} to ${notification.recipientId} in tenant ${tenantId}: ${result}`;
}
