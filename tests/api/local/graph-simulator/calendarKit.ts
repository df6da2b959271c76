import type { SimulatorServer } from './simulatorServer';

/** Small helpers for the calendar tests: raw Graph and dev-control calls over the socket. */

export interface RawResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface GraphErrorJson {
  error: { code: string; message: string };
}

export async function graphRequest<T = Record<string, unknown>>(
  server: SimulatorServer,
  tenantId: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<RawResponse<T>> {
  const token = await server.issuer.mintAppToken(tenantId);
  const response = await fetch(`${server.origin}/graph/v1.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

export async function devRequest<T = unknown>(
  server: SimulatorServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<RawResponse<T>> {
  const response = await fetch(`${server.origin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

/** A getSchedule body for a UTC window. */
export function scheduleBody(schedules: string[], start: string, end: string, interval = 30) {
  return {
    schedules,
    startTime: { dateTime: start, timeZone: 'UTC' },
    endTime: { dateTime: end, timeZone: 'UTC' },
    availabilityViewInterval: interval,
  };
}

/** A career-conversation-like event body between UTC instants (no `Z`: Outlook style). */
export function eventBody(
  attendeeMail: string,
  start: string,
  end: string,
  extra: Record<string, unknown> = {},
) {
  return {
    subject: 'Career conversation',
    body: { contentType: 'html', content: '<p>Agenda: <b>your board</b> &amp; next steps</p>' },
    start: { dateTime: start, timeZone: 'UTC' },
    end: { dateTime: end, timeZone: 'UTC' },
    attendees: [{ emailAddress: { address: attendeeMail, name: 'Attendee' }, type: 'required' }],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: true,
    ...extra,
  };
}

export interface DevEvent {
  id: string;
  tenantId: string;
  organizer: { id: string; mail: string };
  attendees: { id: string | null; mail: string; response: string }[];
  start: string;
  end: string;
  subject: string;
  isCancelled: boolean;
  transactionId: string | null;
  isOnlineMeeting: boolean;
  joinUrl: string | null;
  sent: { requests: number; updates: number; cancellations: number };
}
