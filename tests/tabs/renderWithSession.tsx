import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

import type { CareerBoardApi } from '../../tabs/src/api/careerBoardApi';
import { SessionContext } from '../../tabs/src/common/session';
import type { Session } from '../../tabs/src/common/session';
import { NoticeToaster } from '../../tabs/src/common/NoticeToaster';
import type { HostConnection } from '../../tabs/src/teams/teamsHost';
import { aMe } from './fixtures';

/** An API where every call fails loudly unless the test provides it. */
export function fakeApi(overrides: Partial<CareerBoardApi> = {}): CareerBoardApi {
  const missing = (name: string) => () => Promise.reject(new Error(`Unexpected API call: ${name}`));
  const api = {} as Record<keyof CareerBoardApi, unknown>;
  const names: (keyof CareerBoardApi)[] = [
    'me',
    'board',
    'createAspiration',
    'updateAspiration',
    'deleteAspiration',
    'addStep',
    'updateStep',
    'addEvidence',
    'acknowledge',
    'addComment',
    'privateNotes',
    'savePrivateNotes',
    'history',
    'conversations',
    'updateConversation',
    'pickSlots',
    'pickSlot',
    'team',
    'chatPair',
    'settings',
    'saveSettings',
    'adoption',
    'unbookedPairs',
    'searchPilotGroups',
    'exportMyData',
    'shares',
    'share',
    'revokeShare',
    'sharedWithMe',
    'sharedBoard',
    'askAdvice',
    'replyAdvice',
    'sponsor',
    'searchPeople',
  ];
  for (const name of names) api[name] = overrides[name] ?? missing(name);
  if (overrides.answered) api.answered = overrides.answered;
  // The owner's board shows its Sharing panel: by default, shared with nobody.
  api.shares = overrides.shares ?? (() => Promise.resolve({ shares: [], advice: [] }));
  return api as CareerBoardApi;
}

export function renderWithSession(
  ui: ReactElement,
  options: { api: CareerBoardApi; me?: Session['me']; host?: HostConnection },
) {
  const session: Session = {
    api: options.api,
    me: options.me ?? aMe(),
    host: options.host ?? { kind: 'standalone' },
    mode: 'local',
    switchUser: null,
  };
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <NoticeToaster />
      <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>
    </FluentProvider>,
  );
}
