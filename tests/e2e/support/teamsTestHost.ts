import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Frame, Page } from 'playwright-core';

/**
 * A stand-in for the Teams client: a page on its own origin that loads the tab in an iframe and
 * answers teams-js the way a Teams host does, over postMessage. Requests arrive as
 * `{ id, uuidAsString, func, args }`; the host answers `{ id, uuidAsString, args }` and sends
 * events (`themeChange`, `settings.save`) as `{ func, args }`. What the tab asked for is recorded
 * in `window.teamsHost` for the test to read.
 */

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface HostScenario {
  /** The tab page Teams would load: `${tab}#/config` or the saved contentUrl. */
  tabUrl: string;
  /** `sidePanel` and `meetingStage` are a meeting's surfaces (with `meetingId` and its chat). */
  frameContext: 'settings' | 'content' | 'sidePanel' | 'meetingStage';
  /** In a meeting: its id, as teams-js reports it in `context.meeting.id`. */
  meetingId?: string;
  token: string;
  /** What getAuthToken fails with instead, e.g. `resourceRequiresConsent`. */
  authError?: string;
  /**
   * How the consent window opened with authentication.authenticate ends: `granted` (and
   * getAuthToken succeeds from then on), or a failure reason such as `CancelledByUser`.
   */
  consentOutcome?: 'granted' | string;
  /** The app id Teams reports in the context (the manifest id); absent on older hosts. */
  appId?: string | null;
  user: { id: string; userPrincipalName: string; tenantId: string };
  chatId: string | null;
  /** The personal tab a deep link opened (`entityId`), and its page context (`subEntityId`). */
  personalTab?: { entityId: 'board' | 'team'; subEntityId?: string };
  theme: TeamsTheme;
}

export interface HostState {
  messages: { func: string; args: unknown[] }[];
  /** Where the tab asked Teams to navigate (pages.navigateToApp parameters). */
  navigations: unknown[];
  /** URLs the tab asked Teams to open in an authentication window. */
  authWindows: string[];
  validity: boolean | null;
  settings: Record<string, unknown> | null;
  saved: boolean | null;
  handlers: string[];
  theme: TeamsTheme;
}

export interface TeamsTestHost {
  origin: string;
  open(page: Page, scenario: HostScenario): Promise<Frame>;
  close(): Promise<void>;
}

/** What this host supports: enough for configuration and content pages. */
const RUNTIME = {
  apiVersion: 4,
  supports: { appEntity: {}, pages: { config: {}, backStack: {}, tabs: {} }, teamsCore: {} },
};

function hostPage(scenario: HostScenario): string {
  const legacyContext = {
    locale: 'en-GB',
    theme: scenario.theme,
    frameContext: scenario.frameContext,
    entityId:
      scenario.personalTab?.entityId ?? (scenario.frameContext === 'content' ? 'board' : ''),
    subEntityId: scenario.personalTab?.subEntityId,
    chatId: scenario.chatId ?? undefined,
    meetingId: scenario.meetingId,
    userObjectId: scenario.user.id,
    userPrincipalName: scenario.user.userPrincipalName,
    loginHint: scenario.user.userPrincipalName,
    tid: scenario.user.tenantId,
    hostClientType: 'web',
    hostName: 'Teams',
    appSessionId: 'test-session',
    appId: scenario.appId === undefined ? '3f2a8e1c-0000-4000-8000-00000000cb01' : scenario.appId,
  };
  const data = JSON.stringify({ scenario, legacyContext, runtime: RUNTIME }).replace(
    /</g,
    '\\u003c',
  );
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Teams test host</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100vh;display:block}</style></head>
<body>
<main>
<iframe id="tab" title="Career Board tab" src="${scenario.tabUrl.replace(/"/g, '&quot;')}"></iframe>
</main>
<script id="data" type="application/json">${data}</script>
<script>
  const { scenario, legacyContext, runtime } = JSON.parse(document.getElementById('data').textContent);
  const frame = document.getElementById('tab');
  const tabOrigin = new URL(scenario.tabUrl).origin;
  const host = (window.teamsHost = { messages: [], navigations: [], authWindows: [], validity: null, settings: null, saved: null, handlers: [], theme: scenario.theme, consented: false });
  const reply = (request, args) =>
    frame.contentWindow.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, tabOrigin);
  const send = (func, args) => frame.contentWindow.postMessage({ func, args }, tabOrigin);
  window.addEventListener('message', (event) => {
    const request = event.data;
    if (event.source !== frame.contentWindow || !request || typeof request.func !== 'string') return;
    host.messages.push({ func: request.func, args: request.args });
    switch (request.func) {
      case 'initialize':
        return reply(request, [scenario.frameContext, 'web', JSON.stringify(runtime), '2.58.0']);
      case 'getContext':
        return reply(request, [{ ...legacyContext, theme: host.theme }]);
      case 'authentication.getAuthToken':
        return reply(
          request,
          scenario.authError && !host.consented ? [false, scenario.authError] : [true, scenario.token],
        );
      case 'authentication.authenticate':
        // Stands in for the window Teams opens and Entra's consent prompt in it.
        host.authWindows.push(request.args[0]);
        if (scenario.consentOutcome === 'granted') {
          host.consented = true;
          return reply(request, [true, 'consented']);
        }
        return reply(request, [false, scenario.consentOutcome || 'CancelledByUser']);
      case 'pages.navigateToApp':
        host.navigations.push(request.args[0]);
        return reply(request, [true]);
      case 'settings.setValidityState':
        host.validity = request.args[0];
        return;
      case 'settings.setSettings':
        host.settings = request.args[0];
        return reply(request, [true]);
      case 'settings.getSettings':
        return reply(request, [host.settings]);
      case 'registerHandler':
        host.handlers.push(request.args[0]);
        return;
      case 'settings.save.success':
        host.saved = true;
        return;
      case 'settings.save.failure':
        host.saved = false;
        return;
    }
  });
  host.save = () => send('settings.save', [{}]);
  host.setTheme = (theme) => {
    host.theme = theme;
    send('themeChange', [theme]);
  };
</script>
</body>
</html>`;
}

export async function startTeamsTestHost(): Promise<TeamsTestHost> {
  const scenarios = new Map<string, HostScenario>();
  const server = createServer((req, res) => {
    const id = /^\/host\/([a-z0-9-]+)$/.exec(req.url ?? '')?.[1];
    const scenario = id ? scenarios.get(id) : undefined;
    if (!scenario) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(hostPage(scenario));
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  let next = 0;

  return {
    origin,
    async open(page, scenario) {
      const id = `s${(next += 1)}`;
      scenarios.set(id, scenario);
      await page.goto(`${origin}/host/${id}`);
      const frame = await (await page.waitForSelector('iframe#tab')).contentFrame();
      if (!frame) throw new Error('The tab iframe did not load.');
      return frame;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function hostState(page: Page): Promise<HostState> {
  return page.evaluate(() => {
    const { messages, navigations, authWindows, validity, settings, saved, handlers, theme } = (
      window as unknown as { teamsHost: HostState }
    ).teamsHost;
    return { messages, navigations, authWindows, validity, settings, saved, handlers, theme };
  });
}
