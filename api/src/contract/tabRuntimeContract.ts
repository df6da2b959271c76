/**
 * The tab's `/config.json`: read by the tab at start so one build works anywhere. Written by the
 * local tab server and, for a deployment, by scripts/write-tab-config.ts.
 */
export interface TabRuntimeConfig {
  mode: 'local' | 'azure';
  apiBaseUrl: string;
  /** Local mode only: the dev services (sign-in-as picker, identity issuer). */
  devServicesUrl: string | null;
  /** Origins allowed to host the tab as Teams would (local test host). */
  extraHostOrigins: string[];
  /** Azure mode: the app registration, so the tab can open Entra's consent prompt itself. */
  entra?: { clientId: string; apiScope: string } | null;
}
