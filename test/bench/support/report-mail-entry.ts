/**
 * Row 9's child, bundled as the tick is (the WASM and font embedded by the binary loader): the report mail
 * with its chart, first in a fresh process (decode and compile the WASM, parse the font, render), then again.
 */
import { bundledChartAssets } from '../../../shared/mail/chart-assets-bundled.js';
import { createChartRenderer } from '../../../shared/mail/chart-png.js';
import { reportChartSvg, reportMail } from '../../../shared/mail/report-mail.js';
import { heatmap, roundReport, trend, withValues } from '../../browser/report-mail-fixtures.js';
import { reportResult } from './child.js';

const report = withValues(roundReport({ heatmap }));
const series = trend();
const url = 'https://kundpuls.example/v1/organisations/org_1/rounds/rnd_4/report';
const charts = createChartRenderer(async () => bundledChartAssets);

async function mailWithChart() {
  const png = await charts.png(reportChartSvg(report, series) as string);
  return reportMail('admin@example.org', 'Demokommunen', report, series, url, png);
}

const started = performance.now();
const first = await mailWithChart();
const firstMs = performance.now() - started;
const again: number[] = [];
for (let i = 0; i < 15; i++) {
  const at = performance.now();
  await mailWithChart();
  again.push(performance.now() - at);
}
const compose: number[] = [];
const png = first.attachments?.[0]?.content;
for (let i = 0; i < 50; i++) {
  const at = performance.now();
  reportMail('admin@example.org', 'Demokommunen', report, series, url, png);
  compose.push(performance.now() - at);
}
reportResult({ firstMs, again, compose, pngBytes: png?.length ?? 0, htmlBytes: first.html.length });
