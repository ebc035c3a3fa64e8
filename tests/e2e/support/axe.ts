// Accessibility gate for the e2e suite: axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now; fails
// on any violation of impact "serious" or "critical" and prints each one readably (rule, what to fix, where).
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** `context` names the screen in the failure message (e.g. 'login screen'). */
export async function expectNoSeriousA11yViolations(page: Page, context = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const failing = results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  const report = failing.map((v) => {
    const where = v.nodes
      .slice(0, 5)
      .map(
        (node) =>
          `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
      )
      .join('\n');
    const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more elements` : '';
    return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${where}${more}`;
  });
  expect(
    report,
    `serious or critical accessibility violations on the ${context}:\n\n${report.join('\n\n')}\n`,
  ).toEqual([]);
}
