import { FREE_TEXT_FIELDS } from '../answers/answer.js';
import { SEGMENT_FIELDS } from '../respondents/respondent.js';
import type { ActionBesideChange } from './action-change.js';
import { toCsv } from './csv.js';

type CsvRow = (string | number | null | undefined)[];

import type { RoundReport } from './round-report.js';
import type { TrendReport } from './trend.js';

/** A round report in long form: one figure a row, so every tool can pivot it; what is withheld, with why. */
export function roundReportCsv(report: RoundReport): string {
  const rows: CsvRow[] = [
    ['round', '', '', 'invited', report.invited],
    ['round', '', '', 'answered', report.answered],
    ['round', '', '', 'responseRate', report.responseRate],
    ['round', '', '', 'suppressed', String(report.suppressed)],
    ['round', '', '', 'dontKnowShare', report.dontKnowShare ?? report.rank?.dontKnowShare],
    // Released under its own rule (shared/codes/answered-by-code.ts); otherwise a withheld row says why.
    ...(report.answeredByCode !== undefined
      ? [['round', '', '', 'answeredByCode', report.answeredByCode]]
      : []),
  ];
  const rank = report.rank;
  if (rank) {
    for (const metric of ['median', 'q1', 'q3', 'mean', 'top10Share', 'dontKnowShare'] as const)
      rows.push(['rank', '', '', metric, rank[metric]]);
    rows.push(['rank', '', '', 'ci95Low', rank.ci95?.[0]], ['rank', '', '', 'ci95High', rank.ci95?.[1]]);
    for (const bucket of rank.histogram.buckets)
      rows.push(['histogram', 'bucket', `${bucket.from}-${bucket.to}`, 'count', bucket.count]);
    for (const [place, count] of Object.entries(rank.histogram.exact))
      rows.push(['histogram', 'place', place, 'count', count]);
  }
  for (const dimension of SEGMENT_FIELDS) {
    for (const segment of report.segments[dimension]) {
      if (segment.suppressed) rows.push(['segment', dimension, segment.value, 'suppressed', 'true']);
      else
        for (const metric of ['answered', 'median', 'top10Share', 'dontKnowShare'] as const)
          rows.push(['segment', dimension, segment.value, metric, segment[metric]]);
    }
  }
  const change = report.change;
  if (change) {
    rows.push(['change', '', '', 'responseRate', change.responseRate]);
    if (change.median !== undefined) rows.push(['change', '', '', 'median', change.median]);
    if (change.top10Share !== undefined) rows.push(['change', '', '', 'top10Share', change.top10Share]);
    if (change.notComparable) rows.push(['change', '', '', 'notComparable', change.notComparable]);
    for (const [figure, test] of Object.entries(change.significance ?? {}))
      rows.push(
        ['change', figure, test.test, 'significant', String(test.significant)],
        ['change', figure, test.test, 'low', test.interval[0]],
        ['change', figure, test.test, 'high', test.interval[1]],
        ['change', figure, test.test, 'p', test.p],
      );
  }
  for (const row of report.heatmap?.rows ?? [])
    for (const figure of report.heatmap?.figures ?? [])
      if (row.cells[figure] !== null)
        rows.push(['heatmap', row.dimension, row.value, figure, row.cells[figure]]);
  const heatmapWithheld = Object.entries(report.heatmap?.withheld ?? {}).map(([cell, why]) => [
    `heatmap.${cell}`,
    why,
  ]);
  for (const [figure, reason] of [...Object.entries(report.withheld ?? {}), ...heatmapWithheld])
    rows.push(['withheld', '', figure, 'reason', reason]);
  for (const field of FREE_TEXT_FIELDS)
    for (const comment of report.comments[field] ?? []) rows.push(['comment', field, '', 'text', comment]);
  for (const theme of report.themes) rows.push(['theme', '', theme.word, 'mentions', theme.mentions]);
  for (const idea of report.ideas ?? []) rows.push(['idea', '', idea.word, 'mentions', idea.mentions]);
  rows.push(...actionRows(report.actions ?? []));
  const values = report.values;
  if (values) {
    rows.push(
      ['values', '', '', 'respondents', values.respondents],
      ['values', 'today', '', 'customerPlace', values.customerPlace.today],
      ['values', 'wishedFor', '', 'customerPlace', values.customerPlace.wishedFor],
      ...(['today', 'wishedFor'] as const).flatMap((list) => [
        ['values', list, '', 'customerPlaceLow', values.customerPlace.interval[list]?.[0]],
        ['values', list, '', 'customerPlaceHigh', values.customerPlace.interval[list]?.[1]],
        ['values', list, '', 'customerPlaceChance', values.customerPlace.chance[list]],
        ['values', list, '', 'customerPlaceReason', values.customerPlace.reason[list]],
        ['values', list, '', 'basis', values.basis[list]],
      ]),
      ['values', '', '', 'customerPlaceMethod', values.customerPlace.method],
      ['values', '', '', 'perceivedMinusMeasured', values.perceivedMinusMeasured],
      ['values', 'today', '', 'entropy', values.entropy.today],
      ['values', 'wishedFor', '', 'entropy', values.entropy.wishedFor],
    );
    for (const list of ['today', 'wishedFor'] as const)
      for (const value of values[list])
        rows.push(
          ['value', list, value.id, 'votes', value.votes],
          ['value', list, value.id, 'share', value.share],
          ['value', list, value.id, 'rank', value.rank],
        );
  }
  return toCsv(['section', 'dimension', 'group', 'metric', 'value'], rows);
}

/** Each action in rows of its own, keyed by its id: what it says, where, and the change beside it (or why none). */
function actionRows(actions: ActionBesideChange[]): CsvRow[] {
  return actions.flatMap((action) => {
    const row = (metric: string, value: CsvRow[number]): CsvRow => ['action', action.id, '', metric, value];
    const change = action.change;
    return [
      row('text', action.text),
      row('status', action.status),
      ...Object.entries(action.segment ?? {}).map(([dimension, value]) => row(`segment.${dimension}`, value)),
      ...(change
        ? [
            row('change.median', change.median),
            row('change.top10Share', change.top10Share),
            ...Object.entries(change.significance ?? {}).flatMap(([figure, test]) => [
              row(`change.${figure}.significant`, String(test.significant)),
              row(`change.${figure}.low`, test.interval[0]),
              row(`change.${figure}.high`, test.interval[1]),
              row(`change.${figure}.p`, test.p),
            ]),
          ]
        : []),
      ...(action.withheld ? [row('withheld', action.withheld)] : []),
      ...(action.notComparable ? [row('notComparable', action.notComparable)] : []),
    ];
  });
}

/** The trend, a round a row; the slope and the goal (one value for the whole trend) repeat on every row. */
export function trendCsv(trend: TrendReport): string {
  const projection = trend.goal.projection;
  const whole = [
    trend.slopePerYear,
    trend.slopeInterval?.[0],
    trend.slopeInterval?.[1],
    trend.goal.place,
    trend.goal.by,
    projection.year,
    projection.band?.[0],
    projection.band?.[1],
    projection.status,
  ];
  return toCsv(
    [
      'roundId',
      'closesAt',
      'invited',
      'answered',
      'responseRate',
      'suppressed',
      'median',
      'ci95Low',
      'ci95High',
      'top10Share',
      'dontKnowShare',
      'measuredPlace',
      'measuredPlaceMethod',
      'rankMax',
      'slopePerYear',
      'slopeLow',
      'slopeHigh',
      'goalPlace',
      'goalBy',
      'goalYear',
      'goalYearFrom',
      'goalYearTo',
      'goalStatus',
    ],
    trend.series.map((point) => [
      point.roundId,
      point.closesAt,
      point.invited,
      point.answered,
      point.responseRate,
      String(point.suppressed),
      point.median,
      point.ci95?.[0],
      point.ci95?.[1],
      point.top10Share,
      point.dontKnowShare,
      point.measuredPlace,
      point.measuredPlace === undefined ? undefined : (point.measuredPlaceMethod ?? 1),
      point.rankMax ?? 100,
      ...whole,
    ]),
  );
}
