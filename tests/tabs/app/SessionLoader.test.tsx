import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';

import type { AnswersInHand } from '../../../tabs/src/api/apiClient';
import { SessionLoader } from '../../../tabs/src/app/SessionLoader';
import type { RuntimeConfig } from '../../../tabs/src/config/runtimeConfig';
import { EMPLOYEE, aBoard, aMe } from '../fixtures';

const API = 'http://localhost:7071/api';
const CONFIG: RuntimeConfig = {
  mode: 'local',
  apiBaseUrl: API,
  devServicesUrl: 'http://localhost:7072',
  extraHostOrigins: [],
  entra: null,
};
const BOARD = `${API}/boards/${EMPLOYEE.id}`;

/** What the page's early script had read in full, handed out once each, and what was taken. */
function inHand(answers: Record<string, unknown>) {
  const taken: string[] = [];
  const take: AnswersInHand = (url) => {
    if (!(url in answers)) return undefined;
    const data = answers[url];
    delete answers[url];
    taken.push(url);
    return { data, etag: null };
  };
  return { take, taken };
}

/** Every request the app sends; none answers, so a screen that needs one stays on its skeleton. */
function network() {
  const sent: string[] = [];
  const fetchImpl = ((input: RequestInfo | URL) => {
    sent.push(String(input));
    return new Promise<Response>(() => undefined);
  }) as typeof fetch;
  return { sent, fetchImpl };
}

function renderLoader(take: AnswersInHand | undefined, fetchImpl: typeof fetch) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <SessionLoader
        config={CONFIG}
        host={{ kind: 'standalone' }}
        tokens={{ getToken: () => Promise.resolve('token') }}
        switchUser={() => undefined}
        fetchImpl={fetchImpl}
        answersInHand={take}
      />
    </FluentProvider>,
  );
}

describe('the session opens with what is already in hand', () => {
  beforeEach(() => {
    window.location.hash = '#/board';
  });

  test('with /api/me and the board’s reads in hand, the first render is the app, and none of them is asked again', async () => {
    const { take, taken } = inHand({
      [`${API}/me`]: aMe(),
      [BOARD]: aBoard(),
      [`${BOARD}/conversations`]: { conversations: [] },
    });
    const { sent, fetchImpl } = network();
    renderLoader(take, fetchImpl);
    // No "Loading Career Board…" first: the header is there in the very first render.
    expect(screen.getByText(`Signed in as ${EMPLOYEE.displayName}`)).toBeTruthy();
    expect(screen.queryByText('Loading Career Board…')).toBeNull();
    expect(taken).toEqual([`${API}/me`, BOARD, `${BOARD}/conversations`]);
    // Its code in, the board opens with what was in hand: no request for it ever goes out.
    await screen.findByRole('heading', { name: 'My board', level: 1 });
    expect(sent).not.toContain(`${API}/me`);
    expect(sent).not.toContain(BOARD);
    expect(sent).not.toContain(`${BOARD}/conversations`);
  });

  test('with /api/me in hand but not the board’s reads, it opens at once and asks for those', () => {
    const { take } = inHand({ [`${API}/me`]: aMe() });
    const { sent, fetchImpl } = network();
    renderLoader(take, fetchImpl);
    expect(screen.getByText(`Signed in as ${EMPLOYEE.displayName}`)).toBeTruthy();
    return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
      expect(sent).toEqual(expect.arrayContaining([BOARD, `${BOARD}/conversations`]));
      expect(sent).not.toContain(`${API}/me`);
    });
  });

  test('without /api/me in hand, it shows its skeleton and asks the API, as before', async () => {
    const { sent, fetchImpl } = network();
    renderLoader(inHand({}).take, fetchImpl);
    expect(screen.getByText('Loading Career Board…')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([`${API}/me`]);
  });

  test('on another person’s board, /api/me is used but the own board’s reads are not taken', () => {
    window.location.hash = '#/board/someone-else';
    const { take, taken } = inHand({
      [`${API}/me`]: aMe(),
      [BOARD]: aBoard(),
    });
    renderLoader(take, network().fetchImpl);
    expect(screen.getByText(`Signed in as ${EMPLOYEE.displayName}`)).toBeTruthy();
    expect(taken).toEqual([`${API}/me`]);
  });
});
