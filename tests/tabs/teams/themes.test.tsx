import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';

import {
  FLUENT_THEMES,
  themeNameFromMedia,
  themeNameFromTeams,
} from '../../../tabs/src/teams/themes';

describe('themes', () => {
  test('Teams default, dark and contrast map to the Teams Fluent themes', () => {
    expect(FLUENT_THEMES[themeNameFromTeams('default')]).toBe(teamsLightTheme);
    expect(FLUENT_THEMES[themeNameFromTeams('dark')]).toBe(teamsDarkTheme);
    expect(FLUENT_THEMES[themeNameFromTeams('contrast')]).toBe(teamsHighContrastTheme);
  });

  test('an unknown or missing Teams theme falls back to light', () => {
    expect(themeNameFromTeams('sepia')).toBe('light');
    expect(themeNameFromTeams(undefined)).toBe('light');
  });

  test('outside Teams, forced colours win over dark mode', () => {
    const media = (matching: string[]) => (q: string) => ({ matches: matching.includes(q) });
    expect(themeNameFromMedia(media([]))).toBe('light');
    expect(themeNameFromMedia(media(['(prefers-color-scheme: dark)']))).toBe('dark');
    expect(
      themeNameFromMedia(media(['(prefers-color-scheme: dark)', '(forced-colors: active)'])),
    ).toBe('contrast');
  });
});
