import { describe, expect, it } from 'vitest';
import { reportChartSvg, reportMail } from '../../shared/mail/report-mail.js';
import { heatmap, roundReport, trend, withValues } from '../browser/report-mail-fixtures.js';

const JSON_URL = 'https://kundpuls.example/v1/organisations/org_1/rounds/rnd_4/report';
const PNG = new Uint8Array([137, 80, 78, 71]);

/** The text of every cell of every data table (not the layout tables), entities decoded. */
function tableCells(html: string): string[] {
  const tables = html.match(/<table cellpadding[\s\S]*?<\/table>/g) ?? [];
  return tables.flatMap((table) =>
    [...table.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) =>
      (m[1] as string)
        .replace(/<[^>]+>/g, '')
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&')
        .replaceAll('\u00ad', ''),
    ),
  );
}
const numbers = (text: string) => text.match(/[+-]?\d+(?:\.\d+)?/g) ?? [];

describe('the report mail', () => {
  it('carries every figure of its HTML tables in the text part', () => {
    const mail = reportMail(
      'a@example.org',
      'Demokommunen',
      withValues(roundReport({ heatmap })),
      trend(),
      JSON_URL,
      PNG,
    );
    const cells = tableCells(mail.html);

    expect(cells.length).toBeGreaterThan(60);
    for (const cell of cells)
      for (const number of numbers(cell)) expect(mail.text, `"${cell}"`).toContain(number);
    for (const cell of cells.filter((c) => /\d/.test(c))) expect(mail.text).toContain(cell);
  });

  it('puts the chart in the HTML with alt text holding its values, and the same values in the text', () => {
    const mail = reportMail('a@example.org', 'Demokommunen', roundReport(), trend(), JSON_URL, PNG);
    const alt = /<img src="cid:trend-chart"[^>]* alt="([^"]+)"/.exec(mail.html)?.[1] as string;

    expect(alt).toContain('mar 2026: 52 (45–58)');
    expect(alt).toContain('sep 2027: 35.5 (31–41)');
    expect(alt).toContain('2014: 57');
    for (const number of numbers(alt)) expect(mail.text).toContain(number);
    expect(mail.attachments).toEqual([
      { filename: 'trend.png', contentType: 'image/png', content: PNG, cid: 'trend-chart' },
    ]);
  });

  it('leaves the chart out, image and attachment, when none was rendered', () => {
    const mail = reportMail('a@example.org', 'Demokommunen', roundReport(), trend(), JSON_URL);

    expect(mail.html).not.toContain('<img');
    expect(mail.attachments).toEqual([]);
  });

  it('links the JSON with a short label, and gives the full address only in the text', () => {
    const mail = reportMail('a@example.org', 'Demokommunen', roundReport(), trend(), JSON_URL, PNG);

    expect(mail.html).toContain(`<a href="${JSON_URL}"`);
    expect(mail.html).not.toContain(`>${JSON_URL}<`);
    expect(mail.text).toContain(`Alla siffror som JSON: ${JSON_URL}`);
  });

  it('shows withheld heatmap cells as "–" with their reason, explains the mark, and never shows a withheld figure', () => {
    const mail = reportMail(
      'a@example.org',
      'Demokommunen',
      roundReport({ heatmap }),
      trend(),
      JSON_URL,
      PNG,
    );

    expect(mail.html).toContain('<abbr title="below-threshold" style="text-decoration:none">–</abbr>');
    expect(mail.html).toContain('<abbr title="differencing" style="text-decoration:none">–</abbr>');
    expect(mail.html.match(/<abbr /g)).toHaveLength(7);
    expect(mail.text).toContain('- Vård: – | – | – | – | –');
    expect(mail.text).toContain('- Kundtjänst och medborgarservice: 18 | 28 % | – | 93 % | +16');
    expect(mail.text).toContain('– = hålls inne för att skydda de svarandes anonymitet (färre än 5');
  });

  it('shows the segment medians as before when the report has no heatmap', () => {
    const mail = reportMail('a@example.org', 'Demokommunen', roundReport(), trend(), JSON_URL, PNG);

    expect(mail.text).toContain('Avdelning: Ekonomi: 42.5 (n=17)');
    expect(mail.text).not.toContain('Vård');
  });

  it('states the goal, the projected year with its band, and whether it is on track', () => {
    const on = reportMail('a@example.org', 'D', roundReport(), trend(), JSON_URL).text;
    const off = reportMail(
      'a@example.org',
      'D',
      roundReport({ language: 'en' }),
      trend({
        goal: {
          place: 5,
          by: '2030-06-30',
          projection: { year: 2041, band: [2036, 2052], status: 'not-on-track' },
        },
      }),
      JSON_URL,
    ).text;

    expect(on).toContain(
      'Mål: plats 10 senast 2035-12-31\nPrognos med nuvarande trend: år 2030 (2029–2033)\nLäge: i fas med målet',
    );
    expect(off).toContain(
      'Goal: place 5 by 2030-06-30\nProjection at the current trend: in 2041 (2036–2052)\nStanding: not on track',
    );
  });

  it('says "no clear trend" or "too few rounds" instead of a year, and nothing about a goal not yet projected', () => {
    const mailText = (goal: NonNullable<Parameters<typeof trend>[0]>['goal']) =>
      reportMail('a@example.org', 'D', roundReport(), trend({ goal }), JSON_URL).text;
    const projected = (status: 'no-clear-trend' | 'too-few-rounds') =>
      mailText({ place: 10, by: '2035-12-31', projection: { year: null, band: null, status } });
    const unclear = projected('no-clear-trend');
    const early = projected('too-few-rounds');
    const before = mailText({ place: 10 });

    expect(unclear).toContain('Läge: ingen tydlig trend');
    expect(unclear).not.toContain('Prognos');
    expect(early).toContain('Läge: prognos från tre mätningar');
    expect(before).not.toContain('Målet');
  });

  it('tells only the counts of a suppressed round, with no chart', () => {
    const suppressed = roundReport({
      suppressed: true,
      rank: undefined,
      answered: 3,
      responseRate: 0.05,
      segments: { department: [], role: [], site: [] },
      change: undefined,
    });
    const noReleased = trend({
      series: trend().series.map(({ median: _m, ci95: _c, ...rest }) => ({ ...rest, suppressed: true })),
    });
    const mail = reportMail('a@example.org', 'D', suppressed, noReleased, JSON_URL);

    expect(reportChartSvg(suppressed, noReleased)).toBeUndefined();
    expect(mail.text).toContain('För få svar för att visa resultat: minst 5 behövs');
    expect(mail.text).toContain('Svar: 3 / 60 (5 %)');
    expect(mail.text).not.toContain('Median');
  });
});
