import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core on the current page (or the open dialog): the serious and critical WCAG 2.1 A/AA
 * violations, as readable lines (empty when there are none).
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  await toastsGone(page);
  await animationsSettled(page);
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/**
 * Waits (bounded) until no finite animation or transition runs: a popover or dialog still
 * fading in has its colours mixed with the page behind, which axe reads as low contrast.
 * Endless animations (spinners) are not waited for.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {}); // still moving after 5 s: analyse anyway, a real violation stays visible
}

/**
 * Waits (bounded) until the transient toasts (ant message and notification, gone after about
 * 3 s) have left: one that starts fading out while axe reads the page is reported as low
 * contrast ("span:nth-child(2)", the toast's text), a race no settled check can close.
 */
async function toastsGone(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => !document.querySelector('.ant-message-notice, .ant-notification-notice'),
      undefined,
      {
        timeout: 8_000,
      },
    )
    .catch(() => {}); // a toast that stays (or a slow machine): analyse anyway
}
