import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';

/** Waits until nothing is mid-transition (a half-faded dialog is not what a person reads). */
export async function settled(target: Page | Frame): Promise<void> {
  await target.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/** Serious and critical axe violations on the page and its frames, described for a person. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    // Tabster (Fluent's focus manager) puts aria-hidden, focusable sentinels around focus groups
    // and dialogs; they hand focus straight on and are never read or shown.
    .exclude('[data-tabster-dummy]')
    .exclude(['iframe', '[data-tabster-dummy]'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes
          .map((n) => `${n.target.join(' ')} [${n.any.map((c) => c.message).join('; ')}]`)
          .join(', ')}`,
    );
}
