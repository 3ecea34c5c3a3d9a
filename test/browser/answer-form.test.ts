/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { openPage } from '../support/browser.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = 'test-artifacts';

let stack: LocalStack;
let closePage: (() => Promise<void>) | undefined;
let links: string[];

beforeAll(async () => {
  stack = await startTestStack();
  await organisationWithOpenRound(stack, 3, { customerTerm: 'medborgare' });
  await runTick(stack.deps);
  links = (await sentMail(stack)).map((m) =>
    linkIn(m.body.text, /http:\/\/localhost:\d+\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/),
  );
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await stack?.close();
});

async function seriousViolations(page: import('playwright-core').Page) {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
  )) as {
    violations: { id: string; impact: string }[];
  };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('the answer page in a browser', () => {
  afterEach(async () => {
    await closePage?.();
    closePage = undefined;
  });

  it('opens from the e-mail link, passes axe, takes an answer and thanks', async () => {
    // bypassCSP only lets the test inject axe-core; the page's own CSP is asserted in the integration tests.
    const { page, close } = await openPage({ width: 390, height: 844 });
    closePage = close;
    await page.goto(links[0] as string);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Var hamnar medborgaren?',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/answer-form.png`, fullPage: true });

    await page.getByLabel('Plats').fill('42');
    await page.locator('#rankReason').fill('Vi pratar mest om interna processer.');
    await page.getByRole('button', { name: 'Skicka svar' }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tack för ditt svar!');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('takes both value lists, stops at ten picks, and passes axe', async () => {
    await organisationWithOpenRound(stack, 1, { values: { enabled: true }, language: 'en' });
    await runTick(stack.deps);
    const mail = (await sentMail(stack)).at(-1);
    const link = linkIn(mail?.body.text ?? '', /http:\/\/localhost:\d+\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/);
    const { page, close } = await openPage();
    closePage = close;
    await page.goto(link);

    expect(await seriousViolations(page)).toEqual([]);
    const today = page.locator('fieldset', { hasText: 'Which values mark your organisation today?' });
    const boxes = today.locator('input[type=checkbox]');
    for (let i = 0; i < 10; i++) await boxes.nth(i).check();
    await expect(today.locator('[data-counter]').textContent()).resolves.toBe('10 of 10 picked');
    await expect(boxes.nth(10).isDisabled()).resolves.toBe(true);
    await page
      .locator('fieldset', { hasText: 'Which values do you wish' })
      .getByLabel('Customer focus')
      .check();
    await page.screenshot({ path: `${ARTIFACTS}/answer-form-values.png`, fullPage: true });
    await page.getByRole('button', { name: 'Send answer' }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Thank you for answering!',
    );
  });

  it('moves focus to the error summary when an answer is refused', async () => {
    const { page, close } = await openPage();
    closePage = close;
    await page.goto(links[1] as string);

    await page.getByLabel('Plats').fill('250');
    await page.getByRole('button', { name: 'Skicka svar' }).click();

    await page.waitForSelector('[data-error-summary]');
    const focused = await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'));
    expect(focused).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/answer-form-error.png`, fullPage: true });
  });
});
