/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { openPage } from '../support/browser.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, startTestStack } from '../support/stack.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = 'test-artifacts';

let stack: LocalStack;
let closePage: (() => Promise<void>) | undefined;
let sheet: string;
let firstCode: string;

beforeAll(async () => {
  stack = await startTestStack();
  const call = apiClient(stack);
  const org = await enrolVerified(stack, { name: 'Exempelkommunen' });
  await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: {
      respondents: Array.from({ length: 9 }, (_, i) => ({
        employeeId: `HT-${1000 + i}`,
        department: i % 2 ? 'Hemtjänst' : 'Kök',
      })),
    },
  });
  const roundId = (await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey })).json
    .round.id;
  await runTick(stack.deps);
  sheet = (await call('GET', `/v1/organisations/${org.orgId}/rounds/${roundId}/codes`, { key: org.adminKey }))
    .text;
  firstCode = /[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(sheet)?.[0] as string;
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await stack?.close();
});
afterEach(async () => {
  await closePage?.();
  closePage = undefined;
});

async function seriousViolations(page: import('playwright-core').Page) {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
  )) as { violations: { id: string; impact: string }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('the printable code sheet in a browser', () => {
  it('prints eight slips a page in two columns, each with its code and a QR code of the same size', async () => {
    // Opened as the admin opens the saved file: no origin, its own styles.
    const { page, close } = await openPage({ width: 794, height: 1123 });
    closePage = close;
    await page.setContent(sheet);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${ARTIFACTS}/code-sheet.png`, fullPage: true });

    const slips = await page.locator('.slip').evaluateAll((nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        const qr = node.querySelector('svg')?.getBoundingClientRect();
        return {
          x: Math.round(box.x),
          height: box.height,
          overflows: node.scrollHeight > node.clientHeight || node.scrollWidth > node.clientWidth,
          qr: qr?.width ?? 0,
          code: node.querySelector('.code')?.textContent,
        };
      }),
    );
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

    expect(slips).toHaveLength(9);
    expect(new Set(slips.map((slip) => slip.x)).size).toBe(2);
    for (const slip of slips) {
      expect(slip.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      expect(slip.height).toBeGreaterThan(250);
      expect(slip.qr).toBeGreaterThan(110);
      expect(slip.overflows).toBe(false);
    }
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(pages).toBe(2);
  });

  it('takes a code at the kiosk and opens the form, both pages passing axe', async () => {
    const { page, close } = await openPage({ width: 390, height: 844 });
    closePage = close;
    await page.goto(`${stack.apiUrl}/k?code=${firstCode.replace('-', '')}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/kiosk.png`, fullPage: true });

    await page.getByRole('button', { name: /Öppna formuläret/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Var hamnar');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Plats').fill('17');
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Tack');
  });
});
