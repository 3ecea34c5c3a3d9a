import { changeWords } from '../reports/change-words.js';
import type { RoundReport } from '../reports/round-report.js';
import type { TrendReport } from '../reports/trend.js';
import { html, mailLayout } from './html.js';
import type { OutgoingMail } from './ports.js';
import { actionsSection } from './report-mail-actions.js';
import { type ReportCopy, reportCopy } from './report-mail-copy.js';
import { type GoalStanding, goalSection } from './report-mail-goal.js';
import { type Heatmap, heatmapSection, percent, signed } from './report-mail-heatmap.js';
import { type Section, sectionsHtml, sectionsText } from './report-mail-render.js';
import { CHART_WIDTH, type ChartInput, roundDate, trendChartSvg } from './trend-chart.js';

/** The round report as the mail reads it: reports stored before the heatmap have none. */
export type MailRoundReport = Omit<RoundReport, 'heatmap'> & { heatmap?: Heatmap | null };
/** The trend as the mail reads it: the goal's date and projection are optional until the trend carries them. */
export type MailTrend = Omit<TrendReport, 'goal'> & { goal: GoalStanding };

const CHART_CID = 'trend-chart';

function chartInput(report: MailRoundReport, trend: MailTrend): ChartInput | undefined {
  const rounds = trend.series.flatMap((p) =>
    p.median === undefined ? [] : [{ closesAt: p.closesAt, median: p.median, ci95: p.ci95 ?? null }],
  );
  if (!rounds.length) return undefined;
  const c = reportCopy(report.language, report.customerTerm);
  return {
    language: report.language,
    title: c.chartTitle,
    rounds,
    goalPlace: trend.goal.place,
    reference: trend.reference.series,
  };
}

/** The trend chart's SVG, or undefined when no round has a released median; render it once per round. */
export function reportChartSvg(report: MailRoundReport, trend: MailTrend): string | undefined {
  const input = chartInput(report, trend);
  return input && trendChartSvg(input);
}

function keyFigures(report: MailRoundReport, c: ReportCopy): Section {
  const rank = report.rank;
  const rows = [
    { label: c.answered, value: `${report.answered} / ${report.invited} (${percent(report.responseRate)})` },
  ];
  const dontKnowOnly = !rank && report.status === 'closed' ? report.dontKnowShare : undefined;
  if (dontKnowOnly !== undefined && dontKnowOnly !== null)
    rows.push({ label: c.dontKnow, value: percent(dontKnowOnly) });
  if (!report.suppressed && rank) {
    rows.push(
      { label: c.median, value: String(rank.median) },
      { label: c.ci, value: rank.ci95 ? `${rank.ci95[0]}–${rank.ci95[1]}` : '–' },
      { label: c.top10, value: percent(rank.top10Share) },
      { label: c.dontKnow, value: percent(rank.dontKnowShare) },
    );
    const values = report.values;
    if (values)
      rows.push(
        { label: c.measuredToday, value: String(values.customerPlace.today ?? '–') },
        { label: c.measuredWished, value: String(values.customerPlace.wishedFor ?? '–') },
        { label: c.gap, value: String(values.perceivedMinusMeasured ?? '–') },
        {
          label: c.entropy,
          value: `${percent(values.entropy.today)} / ${percent(values.entropy.wishedFor)}`,
        },
      );
    if (report.change?.median !== undefined) {
      // The number, then in words whether it is more than chance explains (shared/reports/change-words.ts).
      const words = changeWords(report.change, report.language);
      rows.push({ label: c.change, value: `${signed(report.change.median)}${words ? ` (${words})` : ''}` });
    }
  }
  return { kind: 'figures', heading: c.results, rows };
}

function chartSection(input: ChartInput, trend: MailTrend, c: ReportCopy): Section {
  const lines = [
    ...input.rounds.map(
      (r) =>
        `${roundDate(r.closesAt, input.language)}: ${r.median}${r.ci95 ? ` (${r.ci95[0]}–${r.ci95[1]})` : ''}`,
    ),
    c.goalLine(trend.goal.place),
    `${c.reference}: ${input.reference.map((r) => `${r.year}: ${r.place}`).join(', ')}`,
  ];
  return {
    kind: 'chart',
    heading: c.trend,
    cid: CHART_CID,
    width: CHART_WIDTH,
    alt: `${c.chartTitle}. ${lines.join('. ')}.`,
    caption: c.chartCaption,
    lines,
  };
}

function valuesSection(report: MailRoundReport, c: ReportCopy): Section | undefined {
  const today = report.values?.today.slice(0, 10) ?? [];
  const wished = report.values?.wishedFor.slice(0, 10) ?? [];
  if (!today.length) return undefined;
  const name = (v: { sv: string; en: string; customer: boolean; rank: number } | undefined) => ({
    text: v ? `${v.rank}. ${report.language === 'sv' ? v.sv : v.en}${v.customer ? ' ★' : ''}` : '',
    strong: v?.customer ?? false,
  });
  return {
    kind: 'grid',
    id: 'values',
    heading: c.valuesTitle,
    columns: [c.today, c.wished],
    rowHeaders: false,
    groups: [{ rows: today.map((v, index) => [name(v), name(wished[index])]) }],
    note: c.customerMark,
  };
}

function segmentsSection(report: MailRoundReport, c: ReportCopy): Section | undefined {
  if (report.heatmap?.rows.length) return heatmapSection(report.heatmap, c, report.anonymityThreshold);
  const rows = Object.entries(report.segments).flatMap(([dimension, groups]) =>
    groups
      .filter((g) => !g.suppressed && g.median !== undefined)
      .map((g) => ({
        label: `${c.dimensions[dimension] ?? dimension}: ${g.value}`,
        value: `${g.median} (n=${g.answered})`,
      })),
  );
  return rows.length ? { kind: 'figures', heading: c.segments, rows } : undefined;
}

/**
 * The report after a round closes: key figures, the trend chart inline (its PNG rendered once per round by the
 * caller: `chart` absent means no chart), the goal, the previous round's actions beside the change since, values,
 * segments, themes, ideas (question 3 by theme), and a link to the JSON.
 */
export function reportMail(
  to: string,
  orgName: string,
  report: MailRoundReport,
  trend: MailTrend,
  jsonUrl: string,
  chart?: Uint8Array,
): OutgoingMail {
  const c = reportCopy(report.language, report.customerTerm);
  const subject = c.subject(orgName);
  const input = chartInput(report, trend);
  const sections = [
    ...(report.suppressed
      ? [{ kind: 'prose', text: c.suppressed(report.anonymityThreshold) } satisfies Section]
      : []),
    keyFigures(report, c),
    ...(input && chart ? [chartSection(input, trend, c)] : []),
    goalSection(trend.goal, c),
    actionsSection(report.actions, c, report.language, report.anonymityThreshold),
    valuesSection(report, c),
    segmentsSection(report, c),
    ...(report.themes.length
      ? [
          {
            kind: 'prose',
            heading: c.themes,
            text: report.themes.map((t) => `${t.word} (${t.mentions})`).join(', '),
          } satisfies Section,
        ]
      : []),
    ...(report.ideas?.length
      ? [
          {
            kind: 'prose',
            heading: c.ideas,
            text: report.ideas.map((t) => `${t.word} (${t.mentions})`).join(', '),
          } satisfies Section,
        ]
      : []),
    { kind: 'link', label: c.json, href: jsonUrl } satisfies Section,
  ].filter((section): section is Section => section !== undefined);
  return {
    to,
    subject,
    html: mailLayout(
      report.language,
      subject,
      html`<h1 style="font-size:22px;line-height:1.3;margin:0 0 12px">${subject}</h1>\n${sectionsHtml(sections)}`,
    ),
    text: sectionsText(subject, sections),
    attachments:
      input && chart
        ? [{ filename: 'trend.png', contentType: 'image/png', content: chart, cid: CHART_CID }]
        : [],
    purpose: 'report',
  };
}
