import { themeNameFromTeams } from './themes';
import type { AppThemeName } from './themes';
import type * as TeamsSdk from './teamsSdk';

/**
 * The one place that talks to the Teams host through teams-js. Everything else sees a small,
 * testable interface. teams-js is loaded only when the tab sits in a frame, so a tab opened
 * directly in a browser never pays for it (nor waits for its 60 s initialize timeout).
 */

export interface TeamsContextSummary {
  userId: string;
  userDisplayName: string | null;
  tenantId: string | null;
  chatId: string | null;
  frameContext: string | null;
  /**
   * The deep link's page context (`subEntityId`): a notification about a report opens "My team"
   * with that person's id, so the tab can go straight to their board.
   */
  subPageId: string | null;
  theme: AppThemeName;
}

export interface TabSaveEvent {
  notifySuccess(): void;
  notifyFailure(reason?: string): void;
}

export interface TabInstanceSettings {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
  websiteUrl?: string;
}

/** Career Board's personal-app tabs, by the entityId the manifest gives them. */
export type PersonalTab = 'board' | 'team';

export interface TeamsHost {
  kind: 'teams';
  context: TeamsContextSummary;
  onThemeChange(handler: (theme: AppThemeName) => void): void;
  getAuthToken(): Promise<string>;
  /**
   * Opens one of Career Board's personal-app tabs (from a chat tab, say); null when this host
   * cannot say which app we are, so the page can only describe where to go.
   */
  openPersonalApp: ((tab: PersonalTab) => Promise<void>) | null;
  /**
   * Opens `url` (on the tab's own origin) in a window Teams manages, for what a frame cannot show
   * (Microsoft Entra's consent prompt); resolves with what that window reported, rejects with its
   * failure reason (`CancelledByUser` when closed).
   */
  authenticate(url: string): Promise<string>;
  setConfigValidity(valid: boolean): void;
  onConfigSave(handler: (event: TabSaveEvent) => void): void;
  setConfig(settings: TabInstanceSettings): Promise<void>;
}

export interface StandaloneHost {
  kind: 'standalone';
}

export type HostConnection = TeamsHost | StandaloneHost;

/** The slice of teams-js the tab uses (see teamsSdk.ts). */
export type TeamsSdkModule = typeof TeamsSdk;

export interface ConnectOptions {
  validMessageOrigins: string[];
  /** Loads teams-js on demand: `() => import('./teamsSdk')`; tests pass a stand-in. */
  loadSdk: () => Promise<TeamsSdkModule>;
  /** How long to wait for a Teams host to answer from inside a frame. */
  timeoutMs?: number;
  win?: Window;
}

export const TEAMS_CONNECT_TIMEOUT_MS = 4000;

export function isTopLevelWindow(win: Window): boolean {
  try {
    return win.parent === win || win.parent === null;
  } catch {
    return false;
  }
}

export async function connectToHost(options: ConnectOptions): Promise<HostConnection> {
  const win = options.win ?? window;
  // Not framed: certainly not Teams. Decide now rather than wait for the SDK.
  if (isTopLevelWindow(win)) return { kind: 'standalone' };

  const teams = await options.loadSdk();
  try {
    await withTimeout(
      teams.app.initialize(
        options.validMessageOrigins.length ? options.validMessageOrigins : undefined,
      ),
      options.timeoutMs ?? TEAMS_CONNECT_TIMEOUT_MS,
    );
  } catch {
    return { kind: 'standalone' };
  }
  const context = await teams.app.getContext();
  // Ends Teams' loading indicator when the manifest asks for one; harmless otherwise.
  void teams.app.notifySuccess().catch(() => undefined);
  const appId = context.app.appId ? String(context.app.appId) : null;

  return {
    kind: 'teams',
    context: {
      userId: context.user?.id ?? '',
      userDisplayName: context.user?.displayName ?? null,
      tenantId: context.user?.tenant?.id ?? null,
      chatId: context.chat?.id ?? null,
      frameContext: context.page.frameContext ?? null,
      subPageId: context.page.subPageId || null,
      theme: themeNameFromTeams(context.app.theme),
    },
    onThemeChange: (handler) =>
      teams.app.registerOnThemeChangeHandler((theme) => handler(themeNameFromTeams(theme))),
    getAuthToken: () => teams.authentication.getAuthToken(),
    setConfigValidity: (valid) => teams.pages.config.setValidityState(valid),
    onConfigSave: (handler) => teams.pages.config.registerOnSaveHandler(handler),
    setConfig: (settings) => teams.pages.config.setConfig(settings),
    openPersonalApp: appId ? (tab) => openPersonalApp(teams, appId, tab) : null,
    authenticate: (url) =>
      teams.authentication.authenticate({ url, width: 600, height: 640, isExternal: false }),
  };
}

/**
 * Microsoft's documented ways from a tab to another page of the same app: `pages.navigateToApp`
 * where the host supports pages, else the personal-tab deep link opened through Teams.
 */
function openPersonalApp(teams: TeamsSdkModule, appId: string, tab: PersonalTab): Promise<void> {
  if (teams.pages.isSupported()) return teams.pages.navigateToApp({ appId, pageId: tab });
  return teams.app.openLink(personalTabDeepLink(appId, tab));
}

/** `https://teams.microsoft.com/l/entity/{appId}/{entityId}`: a personal tab, from anywhere in Teams. */
export function personalTabDeepLink(appId: string, tab: PersonalTab): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(tab)}`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`No Teams host answered within ${ms} ms.`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
