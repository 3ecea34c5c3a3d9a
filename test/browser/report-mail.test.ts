/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChartAssetFiles } from '../../shared/mail/chart-assets-files.js';
import { createChartRenderer } from '../../shared/mail/chart-png.js';
import {
  type MailRoundReport,
  type MailTrend,
  reportChartSvg,
  reportMail,
} from '../../shared/mail/report-mail.js';
import { resolveCustomerTerm } from '../../shared/organisations/customer-term.js';
import { openPage } from '../support/browser.js';
import { heatmap, roundReport, trend, withLoop, withValues } from './report-mail-fixtures.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = 'test-artifacts';
// An unbroken link as long as the real ones: one cause of the sideways scrolling this test guards against.
const JSON_URL =
  'https://kundpuls.example/v1/organisations/org_RIHbb5fPPVXVaWONYNw2gA/rounds/rnd_YRuSCMY1QuPGoLhb8YlUlA/report';

let page: Page;
let close: () => Promise<void>;

const charts = createChartRenderer(readChartAssetFiles);
const pngs = new Map<string, Promise<Uint8Array>>();

/** The mail as a client shows it: the inline image's cid: reference resolved to its bytes (one render a chart). */
async function renderedMail(report: MailRoundReport, trendReport: MailTrend) {
  const svg = reportChartSvg(report, trendReport) as string;
  if (!pngs.has(svg)) pngs.set(svg, charts.png(svg));
  const png = await (pngs.get(svg) as Promise<Uint8Array>);
  const mail = reportMail('admin@example.org', 'Demokommunen', report, trendReport, JSON_URL, png);
  return {
    mail,
    png,
    html: mail.html.replace(
      'cid:trend-chart',
      `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    ),
  };
}

async function axeViolations() {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
  )) as { violations: { id: string; impact: string; nodes: { html: string }[] }[] };
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.html.slice(0, 120)}`);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ page, close } = await openPage({ width: 375, height: 800 }));
});
afterAll(() => close?.());

describe('the report mail in a browser', () => {
  const full = () => withLoop(withValues(roundReport({ heatmap })));

  for (const width of [320, 375, 600, 1000])
    it(`fits a ${width} px window with no sideways scrolling`, async () => {
      const { html, png } = await renderedMail(full(), trend());
      await page.setViewportSize({ width, height: 800 });
      await page.setContent(html, { waitUntil: 'load' });

      const { scrollWidth, innerWidth, image } = await page.evaluate(() => {
        const img = document.querySelector('img') as HTMLImageElement;
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          image: { shown: img.getBoundingClientRect().width, natural: img.naturalWidth },
        };
      });
      await page.screenshot({ path: `${ARTIFACTS}/report-mail-${width}.png`, fullPage: true });
      if (width === 375) writeFileSync(`${ARTIFACTS}/report-chart.png`, png);

      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      expect(image.natural).toBe(800);
      // 400 CSS pixels at most (the PNG's 800 at 2×), plus its 1 px border.
      expect(image.shown).toBeLessThanOrEqual(Math.min(402, width));
    });

  it('has lang, one h1 and h2 sections, headers on every data table, and axe finds no violation', async () => {
    const { html } = await renderedMail(full(), trend());
    await page.setViewportSize({ width: 375, height: 800 });
    await page.setContent(html, { waitUntil: 'load' });

    const structure = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      h2: Array.from(document.querySelectorAll('h2')).map((h) => h.textContent),
      tablesWithoutHeaders: Array.from(document.querySelectorAll('table:not([role=presentation])')).filter(
        (t) => !t.querySelector('th[scope]'),
      ).length,
      imagesWithoutAlt: document.querySelectorAll('img:not([alt])').length,
    }));
    expect(structure).toEqual({
      lang: 'sv',
      h1: 1,
      h2: [
        'Resultat',
        'Trend',
        'Målet',
        'Ni sa – vi gjorde: åtgärderna och förändringen sedan dess',
        'Topp 10 värderingar: i dag och önskat',
        'Per avdelning, roll och ort',
        'Vanligaste teman i fritextsvaren',
        'Idéer för att höja medborgaren: vanligaste teman',
      ],
      tablesWithoutHeaders: 0,
      imagesWithoutAlt: 0,
    });
    expect(await axeViolations()).toEqual([]);
  });

  it('passes axe in English with a custom term, a suppressed segment list and no goal projection yet', async () => {
    const report = roundReport({
      language: 'en',
      customerTerm: resolveCustomerTerm({
        sv: { singular: 'vårdtagare', definite: 'vårdtagaren', plural: 'vårdtagare' },
        en: { singular: 'person in our care', plural: 'people in our care' },
      }),
    });
    const { html } = await renderedMail(report, trend({ goal: { place: 5 } }));
    await page.setViewportSize({ width: 375, height: 800 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: `${ARTIFACTS}/report-mail-en-375.png`, fullPage: true });

    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations()).toEqual([]);
  });
});
