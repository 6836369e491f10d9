import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'screenshots');

/** Refreshes a README screenshot (docs/screenshots/<name>.png) when run with UPDATE_DOC_SCREENSHOTS=1. */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_DOC_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(docs, `${name}.png`), animations: 'disabled' });
}
