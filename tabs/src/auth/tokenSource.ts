import { mintLocalToken } from './localIdentity';
import type { LocalToken } from './localIdentity';
import { signInProblemFromTeams } from './signInProblem';
import type { TeamsHost } from '../teams/teamsHost';

/** Where API bearer tokens come from: Teams SSO, or the local issuer for the picked demo user. */
export interface TokenSource {
  /** `fresh` asks for a new token (the API refused the last one). */
  getToken(fresh?: boolean): Promise<string>;
}

export function teamsTokenSource(host: Pick<TeamsHost, 'getAuthToken'>): TokenSource {
  return {
    async getToken() {
      try {
        return await host.getAuthToken();
      } catch (error) {
        throw signInProblemFromTeams(error);
      }
    },
  };
}

const EARLY_REFRESH_MS = 60_000;

export function localTokenSource(
  devServicesUrl: string,
  userId: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): TokenSource {
  let current: LocalToken | null = null;
  return {
    async getToken(fresh = false) {
      if (!fresh && current && current.expiresAt - EARLY_REFRESH_MS > Date.now())
        return current.accessToken;
      current = await mintLocalToken(devServicesUrl, userId, fetchImpl);
      return current.accessToken;
    },
  };
}
