import sparticuz from '@sparticuz/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Launches the Chromium build that ships in the npm registry (@sparticuz/chromium), so `npm install`
 * is all a machine needs. It runs as a single process, where closing a page can close the browser:
 * give each test its own browser, or keep one page and resize it.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: [
      ...sparticuz.args,
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/** One page in a fresh browser; bypassCSP only lets a test inject axe-core. */
export async function openPage(
  viewport: { width: number; height: number } = { width: 1000, height: 800 },
): Promise<{ page: Page; close: () => Promise<void> }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ bypassCSP: true, viewport });
  const page = await context.newPage();
  return { page, close: () => browser.close() };
}
