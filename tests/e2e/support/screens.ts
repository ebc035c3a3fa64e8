// Screenshots kept as test artifacts: test-results/screens/<name>.png (git-ignored), one file per screen name.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { REPO_ROOT } from './till-process.js';

export const SCREENS_DIR = join(REPO_ROOT, 'test-results/screens');

/** Saves the whole page as test-results/screens/<name>.png and returns the file's path. */
export async function saveScreen(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) {
    throw new Error(`screen name "${name}" must be letters, digits, dots, dashes or underscores`);
  }
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
