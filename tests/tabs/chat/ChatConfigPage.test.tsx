import { fireEvent, screen, waitFor } from '@testing-library/react';

import { ApiProblem } from '../../../tabs/src/api/apiProblem';
import { ChatConfigPage } from '../../../tabs/src/chat/ChatConfigPage';
import type { TabSaveEvent, TeamsHost } from '../../../tabs/src/teams/teamsHost';
import { EMPLOYEE, MANAGER } from '../fixtures';
import { fakeApi, renderWithSession } from '../renderWithSession';

function fakeTeams(chatId: string | null, canOpenApp = true) {
  let saveHandler: ((event: TabSaveEvent) => void) | null = null;
  const host: TeamsHost = {
    kind: 'teams',
    context: {
      userId: EMPLOYEE.id,
      userDisplayName: EMPLOYEE.displayName,
      tenantId: 't',
      chatId,
      frameContext: 'settings',
      subPageId: null,
      theme: 'light',
    },
    onThemeChange: () => undefined,
    getAuthToken: async () => 'token',
    setConfigValidity: jest.fn(),
    onConfigSave: jest.fn((handler) => {
      saveHandler = handler;
    }),
    setConfig: jest.fn(async () => undefined),
    openPersonalApp: canOpenApp ? jest.fn(async () => undefined) : null,
    authenticate: jest.fn(async () => ''),
  };
  return { host, save: () => saveHandler };
}

describe('Pinning the board in a chat', () => {
  test('a manager–report chat becomes valid, and saving pins that employee’s board', async () => {
    const { host, save } = fakeTeams('19:a_b@unq.gbl.spaces');
    const chatPair = jest.fn(async () => ({
      isPair: true,
      employee: EMPLOYEE,
      manager: MANAGER,
      reason: null,
    }));
    renderWithSession(<ChatConfigPage />, { api: fakeApi({ chatPair }), host });

    expect(
      await screen.findByRole('heading', { name: 'Pin the career board to this chat' }),
    ).toBeTruthy();
    expect(chatPair).toHaveBeenCalledWith('19:a_b@unq.gbl.spaces');
    await waitFor(() => expect(host.setConfigValidity).toHaveBeenCalledWith(true));

    const event = { notifySuccess: jest.fn(), notifyFailure: jest.fn() };
    save()?.(event);
    await waitFor(() => expect(event.notifySuccess).toHaveBeenCalled());
    expect(host.setConfig).toHaveBeenCalledWith({
      contentUrl: `${window.location.origin}/#/chat/${EMPLOYEE.id}`,
      entityId: `board-${EMPLOYEE.id}`,
      suggestedDisplayName: 'Career board',
    });
  });

  test('any other chat says so plainly and points to the personal app', async () => {
    const { host } = fakeTeams('19:group@thread.v2');
    const chatPair = async () => ({
      isPair: false,
      employee: null,
      manager: null,
      reason: 'This chat has other members.',
    });
    renderWithSession(<ChatConfigPage />, { api: fakeApi({ chatPair }), host });
    expect(
      await screen.findByText(/This chat has other members\..*Career Board personal app/),
    ).toBeTruthy();
    await waitFor(() => expect(host.setConfigValidity).toHaveBeenCalledWith(false));
    expect(host.onConfigSave).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open my board in Career Board' }));
    expect(host.openPersonalApp).toHaveBeenCalledWith('board');
  });

  test('where Teams cannot open the app, the words say where to find it, with no dead button', async () => {
    const { host } = fakeTeams('19:a_c@unq.gbl.spaces', false);
    const chatPair = async () => ({
      isPair: false,
      employee: null,
      manager: null,
      reason: 'These two people are not manager and direct report.',
    });
    renderWithSession(<ChatConfigPage />, { api: fakeApi({ chatPair }), host });
    expect(await screen.findByText(/find it under Apps in Teams/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Open my board/ })).toBeNull();
  });

  test('a chat the org chart does not know as a pair (404) is treated the same way', async () => {
    const { host } = fakeTeams('19:x_y@unq.gbl.spaces');
    const chatPair = async () =>
      Promise.reject(
        new ApiProblem(404, 'Not found', 'This chat was not found in your organisation.'),
      );
    renderWithSession(<ChatConfigPage />, { api: fakeApi({ chatPair }), host });
    expect(await screen.findByText(/This chat was not found in your organisation\./)).toBeTruthy();
    await waitFor(() => expect(host.setConfigValidity).toHaveBeenCalledWith(false));
  });

  test('outside a Teams chat it explains where to add the tab', async () => {
    renderWithSession(<ChatConfigPage />, { api: fakeApi() });
    expect(
      await screen.findByRole('heading', { name: 'Add Career board from a Teams chat' }),
    ).toBeTruthy();
  });
});
