import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { z } from 'zod';

import { GraphHttpError } from './graphErrors';
import type { GraphRequestContext, GraphResult, GraphRoute } from './graphRoute';
import { assertOnlyOptions } from './odataQuery';
import { findUserOrThrow } from './userRoutes';

/**
 * Teams activity-feed notifications: `POST /users/{id}/teamwork/sendActivityNotification`, checked
 * as Graph checks it (the activity type must be one the app's manifest declares, a text topic
 * needs the `webUrl` a click opens, the recipient must exist in the caller's tenant) and answered
 * 204. What was sent is kept per tenant for `/dev/activity-notifications`, with the template
 * filled in as Teams would show it. A failure mode stands in for the app not being installed for
 * someone (Graph's 403) or the service failing; `/dev/graph-faults` applies here as everywhere.
 *
 * The declared types are read from appPackage/manifest.json itself, so the simulator and the Teams
 * package cannot disagree about them.
 */

const MANIFEST_PATH = resolve(__dirname, '../../../../appPackage/manifest.json');

/** App permissions that allow sending (RSC's TeamsActivity.Send.User is not in the token's roles). */
export const SEND_ACTIVITY_ROLES = ['TeamsActivity.Send'];

export interface DeclaredActivity {
  type: string;
  templateText: string;
}

export function readDeclaredActivities(manifestPath = MANIFEST_PATH): DeclaredActivity[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    activities?: { activityTypes?: DeclaredActivity[] };
  };
  return manifest.activities?.activityTypes ?? [];
}

export interface SentActivityNotification {
  tenantId: string;
  recipientId: string;
  activityType: string;
  topic: { source: 'text' | 'entityUrl'; value: string; webUrl: string | null };
  previewText: string | null;
  templateParameters: { name: string; value: string }[];
  chainId: number | null;
  /** The manifest's templateText with the parameters filled in: the line Teams shows. */
  text: string;
  at: string;
}

export const ACTIVITY_FAILURE_STATUSES = [403, 404, 500, 503] as const;

export const activityFailureSchema = z.strictObject({
  status: z.literal(ACTIVITY_FAILURE_STATUSES),
  /** Only notifications to these people fail; all of them when absent. */
  userIds: z.array(z.string().trim().min(1)).min(1).optional(),
});
export type ActivityFailure = z.output<typeof activityFailureSchema>;

export interface ActivityFeed {
  readonly declared: readonly DeclaredActivity[];
  record(notification: SentActivityNotification): void;
  /** Every tenant's, in the order they were sent. */
  all(): SentActivityNotification[];
  clear(): void;
  setFailure(failure: ActivityFailure | null): void;
  failure(): ActivityFailure | null;
}

export function createActivityFeed(
  declared: readonly DeclaredActivity[] = readDeclaredActivities(),
): ActivityFeed {
  const byTenant = new Map<string, { seq: number; notification: SentActivityNotification }[]>();
  let seq = 0;
  let failure: ActivityFailure | null = null;
  return {
    declared,
    record(notification) {
      const list = byTenant.get(notification.tenantId) ?? [];
      list.push({ seq: seq++, notification });
      byTenant.set(notification.tenantId, list);
    },
    all: () =>
      [...byTenant.values()]
        .flat()
        .sort((a, b) => a.seq - b.seq)
        .map((entry) => entry.notification),
    clear() {
      byTenant.clear();
    },
    setFailure(next) {
      failure = next ? { ...next, userIds: next.userIds?.map((id) => id.toLowerCase()) } : null;
    },
    failure: () => failure,
  };
}

const odataType = { '@odata.type': z.string().optional() };
const sendBody = z.strictObject({
  topic: z.strictObject({
    ...odataType,
    source: z.enum(['text', 'entityUrl']),
    value: z.string().min(1),
    webUrl: z.string().url().optional(),
  }),
  activityType: z.string().min(1),
  chainId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  previewText: z.strictObject({ ...odataType, content: z.string() }).optional(),
  templateParameters: z
    .array(z.strictObject({ ...odataType, name: z.string().min(1), value: z.string() }))
    .default([]),
  teamsAppId: z.string().min(1).optional(),
});

export function activityRoutes(feed: ActivityFeed): GraphRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/users\/([^/]+)\/teamwork\/sendActivityNotification\/?$/i,
      anyRole: SEND_ACTIVITY_ROLES,
      handle: (context, [userId]) => send(feed, context, userId),
    },
  ];
}

function send(feed: ActivityFeed, context: GraphRequestContext, userId: string): GraphResult {
  assertOnlyOptions(context.query, []);
  const body = parse(context.body);
  const declared = feed.declared.find((a) => a.type === body.activityType);
  if (!declared) {
    throw badRequest(
      `The activity type '${body.activityType}' is not declared in the Teams app manifest.`,
    );
  }
  if (body.topic.source === 'text' && !body.topic.webUrl) {
    throw badRequest('topic.webUrl is required when topic.source is text.');
  }
  const parameters = new Map(body.templateParameters.map((p) => [p.name, p.value]));
  // Stricter than Graph documents: a template parameter left out would show as a hole in the
  // feed, so it is refused here where tests see it.
  const missing = [...declared.templateText.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .filter((name) => !parameters.has(name));
  if (missing.length > 0) {
    throw badRequest(
      `The template of '${declared.type}' needs templateParameters ${missing.map((n) => `'${n}'`).join(', ')}.`,
    );
  }
  const recipient = findUserOrThrow(context, userId);
  const failure = feed.failure();
  if (failure && (!failure.userIds || failure.userIds.includes(recipient.id))) {
    throw failureError(failure.status, body.topic.value);
  }
  feed.record({
    tenantId: context.tenantId,
    recipientId: recipient.id,
    activityType: declared.type,
    topic: {
      source: body.topic.source,
      value: body.topic.value,
      webUrl: body.topic.webUrl ?? null,
    },
    previewText: body.previewText?.content ?? null,
    templateParameters: body.templateParameters.map(({ name, value }) => ({ name, value })),
    chainId: body.chainId ?? null,
    text: declared.templateText.replace(/\{(\w+)\}/g, (_m, name: string) => parameters.get(name)!),
    at: new Date().toISOString(),
  });
  return { status: 204, body: undefined };
}

function parse(raw: unknown): z.output<typeof sendBody> {
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw badRequest('Empty Payload. JSON content expected.');
  }
  const parsed = sendBody.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
  throw badRequest(`Invalid request body: ${details}.`);
}

const badRequest = (message: string) => new GraphHttpError(400, 'BadRequest', message);

function failureError(status: ActivityFailure['status'], topic: string): GraphHttpError {
  switch (status) {
    case 403:
      // The wording Graph is reported to use when the Teams app is not installed for the recipient.
      return new GraphHttpError(
        403,
        'Forbidden',
        `The application is not authorized to generate custom text notifications about '${topic}' to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).`,
      );
    case 404:
      return new GraphHttpError(404, 'NotFound', 'The recipient could not be found.');
    case 500:
      return new GraphHttpError(500, 'InternalServerError', 'An internal server error occurred.');
    case 503:
      return new GraphHttpError(
        503,
        'ServiceUnavailable',
        'The service is temporarily unavailable.',
        { 'Retry-After': '0' },
      );
  }
}
