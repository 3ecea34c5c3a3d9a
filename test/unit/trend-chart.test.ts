import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readChartAssetFiles } from '../../shared/mail/chart-assets-files.js';
import { createChartRenderer } from '../../shared/mail/chart-png.js';
import {
  CHART_COLOURS,
  type ChartInput,
  type ChartRound,
  trendChartSvg,
} from '../../shared/mail/trend-chart.js';
import { NATIONAL_REFERENCE } from '../../shared/reports/trend.js';

const rounds: ChartRound[] = [
  { closesAt: '2026-03-31T15:00:00.000Z', median: 52, ci95: [45, 58] },
  { closesAt: '2026-09-30T15:00:00.000Z', median: 47, ci95: [41, 53] },
  { closesAt: '2027-03-31T15:00:00.000Z', median: 42, ci95: [37, 47] },
  { closesAt: '2027-09-30T15:00:00.000Z', median: 35.5, ci95: [31, 41] },
];
const input = (overrides: Partial<ChartInput> = {}): ChartInput => ({
  language: 'sv',
  title: 'Medianplats för kunden per mätning',
  rounds,
  goalPlace: 10,
  reference: NATIONAL_REFERENCE.series,
  ...overrides,
});

/** Every <text> of the SVG: its position and content. */
function texts(svg: string) {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    text: m[3] as string,
  }));
}
const at = (svg: string, content: string) => texts(svg).find((t) => t.text === content);

describe('the trend chart', () => {
  it('labels places on the y axis with 1 at the top, and each round by its month and year', () => {
    const svg = trendChartSvg(input());
    const ticks = ['1', '10', '20', '30', '40', '50', '60', '70'].map((place) => at(svg, place)?.y as number);

    expect(ticks.every((y, i) => i === 0 || y > (ticks[i - 1] as number))).toBe(true);
    expect(texts(svg).map((t) => t.text)).toEqual(
      expect.arrayContaining(['mar', 'sep', '2026', '2027', 'plats']),
    );
  });

  it('draws the national reference at its own years and places, not as a flat line', () => {
    const svg = trendChartSvg(input());

    for (const { year, place } of NATIONAL_REFERENCE.series) {
      expect(at(svg, String(year))).toBeDefined();
      expect(at(svg, String(place))).toBeDefined();
    }
    expect(at(svg, 'Sverigestudien')).toBeDefined();
    const [y2012, y2014, y2016] = ['47', '57', '35'].map((p) => at(svg, p)?.y as number);
    expect(y2014).toBeGreaterThan(y2012 as number);
    expect(y2016).toBeLessThan(y2012 as number);
  });

  it("labels the goal at its place, the organisation's own when it is not 10", () => {
    const top10 = trendChartSvg(input());
    const place5 = trendChartSvg(input({ goalPlace: 5, language: 'en', title: 'Median place' }));

    expect(at(top10, 'Mål: topp 10')).toBeDefined();
    expect(at(place5, 'Goal: place 5')).toBeDefined();
    expect(at(place5, 'Your rounds')).toBeDefined();
  });

  it('annotates the latest median and its interval, and draws the interval as a band', () => {
    const svg = trendChartSvg(input());

    expect(at(svg, '35.5')).toBeDefined();
    expect(at(svg, '(31–41)')).toBeDefined();
    expect(svg).toContain(`fill="${CHART_COLOURS.interval}"`);
  });

  it('thins the date labels of many rounds so none overlap, always keeping the latest', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      closesAt: new Date(Date.UTC(2026 + Math.floor(i / 2), i % 2 ? 8 : 2, 30)).toISOString(),
      median: 50 - i,
      ci95: [45 - i, 55 - i] as [number, number],
    }));
    const svg = trendChartSvg(input({ rounds: many }));
    const months = texts(svg).filter((t) => /^(mar|sep)$/.test(t.text));
    const xs = months.map((t) => t.x).sort((a, b) => a - b);
    const lastYear = texts(svg).find((t) => t.text === '2035');

    expect(months.length).toBeGreaterThan(2);
    expect(months.length).toBeLessThan(20);
    expect(lastYear?.x).toBe(xs.at(-1));
    for (let i = 1; i < xs.length; i++)
      expect((xs[i] as number) - (xs[i - 1] as number)).toBeGreaterThanOrEqual(44);
  });

  it('escapes the title, which carries the customer term', () => {
    expect(trendChartSvg(input({ title: 'Plats för <b>&' }))).toContain('Plats för &lt;b&gt;&amp;');
  });

  it('renders to a PNG at 2× under 60 KB, with the lines and the text drawn', async () => {
    const png = PNG.sync.read(
      Buffer.from(await createChartRenderer(readChartAssetFiles).png(trendChartSvg(input()))),
    );
    const pixel = (x: number, y: number) => {
      const i = (png.width * y + x) * 4;
      return `#${[png.data[i], png.data[i + 1], png.data[i + 2]].map((v) => (v as number).toString(16).padStart(2, '0')).join('')}`;
    };
    const rowHasColour = (y: number, colour: string) =>
      Array.from({ length: png.width }, (_, x) => pixel(x, y)).includes(colour);
    const titleInk = Array.from({ length: 300 }, (_, x) => pixel(x + 20, 30)).filter((c) => c !== '#ffffff');
    const svg = trendChartSvg(input());
    const goalY = Number(/<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"[^>]*stroke="#2e7d32"/.exec(svg)?.[1]);

    expect([png.width, png.height]).toEqual([800, 600]);
    expect(PNG.sync.write(png).length).toBeLessThan(60_000);
    expect(rowHasColour(Math.round(goalY * 2), CHART_COLOURS.goal)).toBe(true);
    expect(titleInk.length).toBeGreaterThan(20);
  });

  it('tries again after a failed load of the renderer', async () => {
    let calls = 0;
    const renderer = createChartRenderer(async () => {
      calls++;
      if (calls === 1) throw new Error('no font');
      return readChartAssetFiles();
    });

    await expect(renderer.png(trendChartSvg(input()))).rejects.toThrow('no font');
    await expect(renderer.png(trendChartSvg(input({ rounds: rounds.slice(0, 1) })))).resolves.toBeInstanceOf(
      Uint8Array,
    );
    expect(calls).toBe(2);
  });
});
