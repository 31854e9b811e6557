import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Serious and critical WCAG 2.1 A/AA violations, described well enough to fix from the test output
 * (rule, selector and the start of the element's HTML). `include` narrows the check to a part of the page.
 */
export async function seriousViolations(page: Page, options: { include?: string } = {}) {
  // A dialog or notification fading in or out has half-transparent text, which axe measures as poor contrast:
  // measure once every CSS transition is over (looping animations such as loaders are CSSAnimations, not waited for).
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished'),
  );
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 200)}`).join(', ')}`,
    );
}
