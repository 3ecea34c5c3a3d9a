import type { OutgoingMail } from '../ports.js';
import type { RoundReport } from '../reports/round-report.js';
import type { TrendReport } from '../reports/trend.js';
import type { RankedValue } from '../values/value-figures.js';
import { html, mailLayout, type SafeHtml } from './html.js';
import { trendChartPng } from './trend-chart.js';

const DIMENSIONS = {
  sv: { department: 'Avdelning', role: 'Roll', site: 'Ort' },
  en: { department: 'Department', role: 'Role', site: 'Site' },
} as const;
const pct = (share: number | undefined) => (share === undefined ? '–' : `${Math.round(share * 100)} %`);
const NATIONAL_PLACE = 50;

function copy(report: RoundReport) {
  const term = report.customerTerm;
  if (report.language === 'sv')
    return {
      subject: (org: string) => `Rapport: var hamnar ${term.sv.definite} hos ${org}?`,
      answered: 'Svar',
      median: `Median för ${term.sv.genitive} plats`,
      ci: '95 % konfidensintervall',
      top10: 'Andel som sätter den bland topp 10',
      dontKnow: 'Andel "vet inte"',
      change: 'Förändring av medianen sedan förra mätningen',
      suppressed: (k: number) =>
        `För få svar för att visa resultat: minst ${k} behövs för att skydda de svarandes anonymitet.`,
      chart: `Medianplatsen per mätning (plats 1 överst). Streckat grönt: målet topp 10. Streckat grått: Sverigestudiens nivå, plats ${NATIONAL_PLACE}. Ljusblått: konfidensintervall.`,
      chartAlt: `Diagram över ${term.sv.genitive} medianplats per mätning`,
      themes: 'Vanligaste teman i fritextsvaren',
      segments: 'Per avdelning, roll och ort',
      json: 'Alla siffror som JSON',
      measuredToday: `Uppmätt plats för ${term.sv.definite} i dag (värderingsval)`,
      measuredWished: `Uppmätt plats för ${term.sv.definite}, önskat läge`,
      gap: 'Upplevd minus uppmätt plats',
      entropy: 'Kulturell entropi i dag / önskat',
      valuesTitle: 'Topp 10 värderingar: i dag och önskat',
      today: 'I dag',
      wished: 'Önskat',
      customerMark: `★ = värdering som handlar om ${term.sv.definite}`,
    };
  return {
    subject: (org: string) => `Report: where does the ${term.en.singular} rank at ${org}?`,
    answered: 'Answers',
    median: `Median place of the ${term.en.singular}`,
    ci: '95 % confidence interval',
    top10: 'Share placing it in the top 10',
    dontKnow: 'Share "don\'t know"',
    change: 'Change of the median since the last round',
    suppressed: (k: number) =>
      `Too few answers to show results: at least ${k} are needed to protect respondents' anonymity.`,
    chart: `Median place per round (place 1 at the top). Dashed green: the top-10 goal. Dashed grey: Sverigestudien's national level, place ${NATIONAL_PLACE}. Light blue: confidence intervals.`,
    chartAlt: `Chart of the ${term.en.singular}'s median place per round`,
    themes: 'Most frequent themes in the comments',
    segments: 'By department, role and site',
    json: 'Every figure as JSON',
    measuredToday: `Measured place of the ${term.en.singular} today (values selection)`,
    measuredWished: `Measured place of the ${term.en.singular}, wished for`,
    gap: 'Perceived minus measured place',
    entropy: 'Cultural entropy today / wished for',
    valuesTitle: 'Top 10 values: today and wished for',
    today: 'Today',
    wished: 'Wished for',
    customerMark: `★ = a value about the ${term.en.singular}`,
  };
}

const row = (label: string, value: string | number): SafeHtml =>
  html`<tr><td style="padding:6px 8px;border-bottom:1px solid #ddd">${label}</td><td style="padding:6px 8px;border-bottom:1px solid #ddd;text-align:right;font-weight:bold">${value}</td></tr>`;

/** The report after a round closes: key figures, the trend chart inline, top themes, a link to the JSON. */
export function reportMail(
  to: string,
  orgName: string,
  report: RoundReport,
  trend: TrendReport,
  jsonUrl: string,
): OutgoingMail {
  const c = copy(report);
  const subject = c.subject(orgName);
  const rank = report.rank;
  const figures: [string, string | number][] = [
    [c.answered, `${report.answered} / ${report.invited} (${pct(report.responseRate)})`],
  ];
  if (!report.suppressed && rank) {
    figures.push(
      [c.median, rank.median],
      [c.ci, rank.ci95 ? `${rank.ci95[0]}–${rank.ci95[1]}` : '–'],
      [c.top10, pct(rank.top10Share)],
      [c.dontKnow, pct(rank.dontKnowShare)],
    );
    const values = report.values;
    if (values) {
      figures.push(
        [c.measuredToday, values.customerPlace.today ?? '–'],
        [c.measuredWished, values.customerPlace.wishedFor ?? '–'],
        [c.gap, values.perceivedMinusMeasured ?? '–'],
        [
          c.entropy,
          `${pct(values.entropy.today ?? undefined)} / ${pct(values.entropy.wishedFor ?? undefined)}`,
        ],
      );
    }
    if (report.change?.median !== undefined)
      figures.push([c.change, report.change.median > 0 ? `+${report.change.median}` : report.change.median]);
  }
  const segments = Object.entries(report.segments).flatMap(([dimension, groups]) =>
    groups
      .filter((g) => !g.suppressed && g.median !== undefined)
      .map(
        (g) =>
          [
            `${DIMENSIONS[report.language][dimension as keyof (typeof DIMENSIONS)['sv']]}: ${g.value}`,
            `${g.median} (n=${g.answered})`,
          ] as [string, string],
      ),
  );
  const valueName = (v: { sv: string; en: string; customer: boolean; rank: number }) =>
    `${v.rank}. ${report.language === 'sv' ? v.sv : v.en}${v.customer ? ' ★' : ''}`;
  const topToday = report.values?.today.slice(0, 10) ?? [];
  const topWished = report.values?.wishedFor.slice(0, 10) ?? [];
  const valueRows = topToday.map(
    (today, index) =>
      html`<tr><td style="padding:4px 8px;border-bottom:1px solid #ddd;${today.customer ? 'font-weight:bold' : ''}">${valueName(today)}</td><td style="padding:4px 8px;border-bottom:1px solid #ddd;${topWished[index]?.customer ? 'font-weight:bold' : ''}">${topWished[index] ? valueName(topWished[index]) : ''}</td></tr>`,
  );
  const points = trend.series.map((p) =>
    p.median === undefined ? null : { median: p.median, ci95: p.ci95 ?? null },
  );
  const withChart = points.some(Boolean);
  const body = html`<h1 style="font-size:22px;margin:0 0 16px">${subject}</h1>
${report.suppressed ? html`<p>${c.suppressed(report.anonymityThreshold)}</p>` : ''}
<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;font-size:15px">${figures.map(([label, value]) => row(label, value))}</table>
${withChart ? html`<p style="margin:24px 0 4px"><img src="cid:trend-chart" width="552" alt="${c.chartAlt}" style="width:100%;max-width:552px;height:auto;border:1px solid #ddd"></p><p style="font-size:13px;color:#444;margin:0 0 16px">${c.chart}</p>` : ''}
${valueRows.length ? html`<h2 style="font-size:17px;margin:20px 0 8px">${c.valuesTitle}</h2><table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;font-size:15px"><tr><th align="left" style="padding:4px 8px">${c.today}</th><th align="left" style="padding:4px 8px">${c.wished}</th></tr>${valueRows}</table><p style="font-size:13px;color:#444">${c.customerMark}</p>` : ''}
${segments.length ? html`<h2 style="font-size:17px;margin:20px 0 8px">${c.segments}</h2><table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;font-size:15px">${segments.map(([label, value]) => row(label, value))}</table>` : ''}
${report.themes.length ? html`<h2 style="font-size:17px;margin:20px 0 8px">${c.themes}</h2><p>${report.themes.map((t) => `${t.word} (${t.mentions})`).join(', ')}</p>` : ''}
<p style="font-size:14px;margin-top:24px">${c.json}: <a href="${jsonUrl}" style="color:#0b5394">${jsonUrl}</a></p>`;
  const text = [
    subject,
    '',
    ...(report.suppressed ? [c.suppressed(report.anonymityThreshold), ''] : []),
    ...figures.map(([label, value]) => `${label}: ${value}`),
    ...(segments.length
      ? ['', `${c.segments}:`, ...segments.map(([label, value]) => `- ${label}: ${value}`)]
      : []),
    ...(topToday.length
      ? [
          '',
          `${c.valuesTitle} (${c.today} | ${c.wished}):`,
          ...topToday.map(
            (v, i) => `${valueName(v)} | ${topWished[i] ? valueName(topWished[i] as RankedValue) : ''}`,
          ),
          c.customerMark,
        ]
      : []),
    ...(report.themes.length
      ? ['', `${c.themes}: ${report.themes.map((t) => `${t.word} (${t.mentions})`).join(', ')}`]
      : []),
    '',
    `${c.json}: ${jsonUrl}`,
    '',
  ].join('\n');
  return {
    to,
    subject,
    html: mailLayout(report.language, subject, body),
    text,
    attachments: withChart
      ? [
          {
            filename: 'trend.png',
            contentType: 'image/png',
            content: trendChartPng(points, NATIONAL_PLACE, 10),
            cid: 'trend-chart',
          },
        ]
      : [],
    purpose: 'report',
  };
}
