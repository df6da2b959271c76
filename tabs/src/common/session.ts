import { createContext, useContext } from 'react';

import type { MeView } from '@contract/boardContract';
import type { CareerBoardApi } from '../api/careerBoardApi';
import type { HostConnection } from '../teams/teamsHost';

/** Who is signed in, how to reach the API, and which host the tab runs in. */
export interface Session {
  api: CareerBoardApi;
  me: MeView;
  host: HostConnection;
  mode: 'local' | 'azure';
  /** Local mode: go back to "Sign in as". */
  switchUser: (() => void) | null;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside a signed-in session.');
  return session;
}
