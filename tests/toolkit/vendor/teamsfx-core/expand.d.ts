// Types for the vendored expand.js (not part of the original package).
export function expandEnvironmentVariable(
  content: string,
  envs?: Record<string, string | undefined>,
): string;
export function getEnvironmentVariables(content: string): string[];
export function resolveString(
  val: string,
  resolved: string[],
  unresolved: string[],
  envs: Record<string, string | undefined>,
): string;
export const allowedEmptyKeys: string[];
