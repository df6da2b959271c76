import { useEffect, useState } from 'react';

import { themeNameFromMedia } from '../teams/themes';
import type { AppThemeName } from '../teams/themes';
import type { HostConnection } from '../teams/teamsHost';

const mediaTheme = (): AppThemeName =>
  typeof window.matchMedia === 'function'
    ? themeNameFromMedia((q) => window.matchMedia(q))
    : 'light';

/** In Teams: the host's theme, live. Outside: the operating system's (dark mode, forced colours). */
export function useAppTheme(host: HostConnection | null): AppThemeName {
  const [standaloneTheme, setStandaloneTheme] = useState<AppThemeName>(mediaTheme);
  const [teamsTheme, setTeamsTheme] = useState<AppThemeName | null>(null);

  useEffect(() => {
    if (host?.kind !== 'teams') return;
    host.onThemeChange(setTeamsTheme);
  }, [host]);

  useEffect(() => {
    if (host?.kind === 'teams' || typeof window.matchMedia !== 'function') return;
    const queries = ['(forced-colors: active)', '(prefers-color-scheme: dark)'].map((q) =>
      window.matchMedia(q),
    );
    const update = () => setStandaloneTheme(mediaTheme());
    queries.forEach((q) => q.addEventListener?.('change', update));
    return () => queries.forEach((q) => q.removeEventListener?.('change', update));
  }, [host]);

  if (host?.kind === 'teams') return teamsTheme ?? host.context.theme;
  return standaloneTheme;
}
