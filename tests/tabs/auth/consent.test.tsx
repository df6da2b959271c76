import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import {
  consentOutcomeFromFragment,
  consentStartUrl,
  entraConsentUrl,
  isConsentWindow,
  needsAdminConsent,
} from '../../../tabs/src/auth/consent';
import { ConsentNeeded } from '../../../tabs/src/auth/ConsentNeeded';
import { signInProblemFromTeams } from '../../../tabs/src/auth/signInProblem';
import type { TeamsHost } from '../../../tabs/src/teams/teamsHost';

const entra = {
  clientId: '11111111-2222-4333-8444-555555555555',
  apiScope: 'api://tab.example.net/11111111-2222-4333-8444-555555555555/access_as_user',
};

function teamsHost(authenticate: TeamsHost['authenticate']): TeamsHost {
  return {
    kind: 'teams',
    context: {
      userId: 'u',
      userDisplayName: 'Nia',
      tenantId: 'tenant-1',
      chatId: null,
      frameContext: 'content',
      subPageId: null,
      theme: 'light',
    },
    onThemeChange: () => undefined,
    getAuthToken: async () => 'token',
    setConfigValidity: () => undefined,
    onConfigSave: () => undefined,
    setConfig: async () => undefined,
    openPersonalApp: null,
    authenticate,
  };
}

function renderConsent(error: unknown, host: TeamsHost, withEntra = true) {
  const onRetry = jest.fn();
  render(
    <FluentProvider theme={teamsLightTheme}>
      <ConsentNeeded
        problem={signInProblemFromTeams(error)}
        host={host}
        entra={withEntra ? entra : null}
        onRetry={onRetry}
      />
    </FluentProvider>,
  );
  return onRetry;
}

describe('consent, the way Microsoft documents the Teams SSO fallback', () => {
  test('Teams’ consent codes are told apart: the person may consent, or only an admin can', () => {
    expect(signInProblemFromTeams(new Error('resourceRequiresConsent')).consent).toBe('user');
    expect(signInProblemFromTeams(new Error('AADSTS65001: consent_required')).consent).toBe('user');
    const admin = signInProblemFromTeams(
      new Error('AADSTS90094: The grant requires admin permission.'),
    );
    expect(admin.consent).toBe('admin');
    expect(admin.message).toMatch(/Enterprise applications → Career Board → Permissions/);
    expect(signInProblemFromTeams(new Error('CancelledByUser')).consent).toBeNull();
  });

  test('the consent window goes to Entra’s prompt for this app’s scope, with PKCE, and back to the tab', () => {
    const url = new URL(
      entraConsentUrl({
        entra,
        tenantId: 'tenant-1',
        redirectUri: 'https://tab.example.net/',
        state: 'st',
        codeChallenge: 'cc',
      }),
    );
    expect(url.origin + url.pathname).toBe(
      'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/authorize',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: entra.clientId,
      response_type: 'code',
      response_mode: 'fragment',
      redirect_uri: 'https://tab.example.net/',
      scope: `openid ${entra.apiScope}`,
      prompt: 'consent',
      state: 'st',
      code_challenge: 'cc',
      code_challenge_method: 'S256',
    });
    expect(consentStartUrl('https://tab.example.net/', 't 1')).toBe(
      'https://tab.example.net/#/auth/consent?tenant=t%201',
    );
  });

  test('what Entra sends back is read strictly: granted, declined, or someone else’s answer', () => {
    expect(consentOutcomeFromFragment('#code=abc&state=st', 'st')).toEqual({ kind: 'granted' });
    expect(
      consentOutcomeFromFragment('#error=access_denied&error_description=declined&state=st', 'st'),
    ).toEqual({ kind: 'failed', reason: 'access_denied: declined' });
    expect(consentOutcomeFromFragment('#code=abc&state=forged', 'st').kind).toBe('failed');
    expect(consentOutcomeFromFragment('#/board', 'st').kind).toBe('not-a-consent-response');
    expect(isConsentWindow('#/auth/consent?tenant=t')).toBe(true);
    expect(isConsentWindow('#code=abc&state=st')).toBe(true);
    expect(isConsentWindow('#/board/abc')).toBe(false);
    expect(needsAdminConsent('AADSTS90094: admin approval required')).toBe(true);
    expect(needsAdminConsent('CancelledByUser')).toBe(false);
  });

  test('a person who may consent gets “Review and allow”; after it, the tab asks Teams again', async () => {
    const authenticate = jest.fn(async () => 'consented');
    const onRetry = renderConsent(new Error('resourceRequiresConsent'), teamsHost(authenticate));
    expect(
      screen.getByRole('heading', { name: 'Career Board needs your permission' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Review and allow' }));
    await waitFor(() => expect(onRetry).toHaveBeenCalled());
    expect(authenticate).toHaveBeenCalledWith(
      `${window.location.origin}/#/auth/consent?tenant=tenant-1`,
    );
  });

  test('closing the window says so and offers it again; an admin-only answer turns into the admin’s steps', async () => {
    const authenticate = jest
      .fn<Promise<string>, [string]>()
      .mockRejectedValueOnce(new Error('CancelledByUser'))
      .mockRejectedValueOnce(new Error('AADSTS90094: The grant requires admin permission.'));
    const onRetry = renderConsent(new Error('resourceRequiresConsent'), teamsHost(authenticate));
    fireEvent.click(screen.getByRole('button', { name: 'Review and allow' }));
    expect(
      await screen.findByText(/The permission window was closed before you chose/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Review and allow' }));
    expect(
      await screen.findByRole('heading', { name: 'Your IT admin needs to approve Career Board' }),
    ).toBeTruthy();
    expect(screen.getByText(/Grant admin consent/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Review and allow' })).toBeNull();
    expect(onRetry).not.toHaveBeenCalled();
  });

  test('where the tab cannot open Entra’s prompt, it says an admin must approve, and how', () => {
    renderConsent(new Error('resourceRequiresConsent'), teamsHost(jest.fn()), false);
    expect(screen.getByText(/can’t open the permission prompt here/)).toBeTruthy();
    expect(screen.getByText(/Enterprise applications → Career Board → Permissions/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(
      screen.getByRole('button', { name: 'My admin has approved it: check again' }),
    ).toBeTruthy();
  });
});
