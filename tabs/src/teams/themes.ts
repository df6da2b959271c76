import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';

/** The three looks Teams offers; the tab follows whichever the host (or the OS) asks for. */
export type AppThemeName = 'light' | 'dark' | 'contrast';

/** Teams reports its theme as `default`, `dark` or `contrast`; anything unknown falls back to light. */
export function themeNameFromTeams(teamsTheme: string | undefined | null): AppThemeName {
  switch (teamsTheme) {
    case 'dark':
      return 'dark';
    case 'contrast':
      return 'contrast';
    default:
      return 'light';
  }
}

/** Outside Teams: follow the operating system (forced colours first, then dark mode). */
export function themeNameFromMedia(
  matchMedia: (query: string) => { matches: boolean },
): AppThemeName {
  if (matchMedia('(forced-colors: active)').matches) return 'contrast';
  if (matchMedia('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'light';
}

export const FLUENT_THEMES: Record<AppThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};
