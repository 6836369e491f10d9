import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility-scan';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
const counters = new WeakMap<TestInfo, number>();

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/**
 * Keeps a full-page screenshot of every page a test visits: e2e/screenshots/<test>--<nn>-<what>.png,
 * and scans that same state with axe-core (every visited page and dialog state is checked).
 */
export async function snap(page: Page, testInfo: TestInfo, what: string): Promise<void> {
  const count = (counters.get(testInfo) ?? 0) + 1;
  counters.set(testInfo, count);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${slug(testInfo.title)}--${String(count).padStart(2, '0')}-${slug(what)}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  await expectNoAxeViolations(page, testInfo, what);
}
