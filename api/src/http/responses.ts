import type { HttpResponseInit } from '@azure/functions';

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponseInit {
  return {
    status,
    jsonBody: body,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  };
}

export const ok = (body: unknown, headers?: Record<string, string>) => json(200, body, headers);
export const created = (body: unknown, headers?: Record<string, string>) =>
  json(201, body, headers);
export const noContent = (): HttpResponseInit => ({
  status: 204,
  headers: { 'Cache-Control': 'no-store' },
});
