import { escapeHtml } from './html.js';

/**
 * The trend chart as SVG, for the PNG the report mail carries inline (mail clients show PNGs by Content-ID and
 * most drop SVG). It reads without the mail around it: place numbers on the y axis (1 at the top), round dates
 * on the x axis, the goal and the national reference labelled, the interval band, and the latest value
 * written beside its point. The national reference is drawn at its own years in a panel of its own, left of a
 * break in the time axis, on the same place scale: its years lie a decade before the first round.
 */
export interface ChartRound {
  closesAt: string;
  median: number;
  ci95?: [number, number] | null;
}

export interface ChartInput {
  language: 'sv' | 'en';
  title: string;
  rounds: ChartRound[];
  goalPlace: number;
  reference: { year: number; place: number }[];
}

/** Design size in CSS pixels; the PNG is rendered at 2× for high-density screens. */
export const CHART_WIDTH = 400;
export const CHART_HEIGHT = 300;
export const CHART_FONT_FAMILY = 'Inter';

export const CHART_COLOURS = {
  median: '#0b5394',
  interval: '#c6dbef',
  goal: '#2e7d32',
  reference: '#666666',
  grid: '#e4e4e4',
  text: '#2b2b2b',
};

const MONTHS = {
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
const WORDS = {
  sv: {
    place: 'plats',
    goal: (place: number) => (place === 10 ? 'Mål: topp 10' : `Mål: plats ${place}`),
    rounds: 'Era mätningar',
  },
  en: {
    place: 'place',
    goal: (place: number) => (place === 10 ? 'Goal: top 10' : `Goal: place ${place}`),
    rounds: 'Your rounds',
  },
};

/** "mar 2026": the month and year a round closed, in UTC. */
export function roundDate(closesAt: string, language: 'sv' | 'en'): string {
  const at = new Date(closesAt);
  return `${MONTHS[language][at.getUTCMonth()]} ${at.getUTCFullYear()}`;
}

const TOP = 54;
const BOTTOM = CHART_HEIGHT - 58;
const LEFT = 38;
const RIGHT = CHART_WIDTH - 14;
const REFERENCE_RIGHT = 150;
const ROUNDS_LEFT = 172;

/** Place ticks from 1 down past the lowest place drawn (room for its label): every 10 to 80, every 20 beyond. */
function placeScale(values: number[]) {
  const lowest = Math.max(...values) + 4;
  const step = lowest <= 80 ? 10 : 20;
  const bottom = Math.max(60, Math.ceil(lowest / step) * step);
  const ticks = [1];
  for (let place = step; place <= bottom; place += step) ticks.push(place);
  const y = (place: number) => TOP + ((place - 1) / (bottom - 1)) * (BOTTOM - TOP);
  return { ticks, y };
}

/** Positions across [from, to] by value, with a margin; one value sits in the middle. */
function spread(values: number[], from: number, to: number, margin: number) {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return (value: number) =>
    high === low
      ? (from + to) / 2
      : from + margin + ((value - low) / (high - low)) * (to - from - 2 * margin);
}

/** Which rounds get a date label: the latest always, then each one far enough left of the last labelled. */
function labelled(xs: number[]): Set<number> {
  const shown = new Set<number>();
  let last = Number.POSITIVE_INFINITY;
  for (let index = xs.length - 1; index >= 0; index--) {
    const x = xs[index] as number;
    if (last - x >= 44) {
      shown.add(index);
      last = x;
    }
  }
  return shown;
}

const n = (value: number) => Math.round(value * 10) / 10;
const text = (x: number, y: number, content: string, attributes = '') =>
  `<text x="${n(x)}" y="${n(y)}" ${attributes}>${escapeHtml(content)}</text>`;

export function trendChartSvg(input: ChartInput): string {
  const words = WORDS[input.language];
  const rounds = input.rounds;
  const { ticks, y } = placeScale([
    input.goalPlace,
    ...input.reference.map((r) => r.place),
    ...rounds.flatMap((r) => [r.median, ...(r.ci95 ?? [])]),
  ]);
  const times = rounds.map((r) => Date.parse(r.closesAt));
  const xRound = spread(times, ROUNDS_LEFT, RIGHT, 18);
  const xYear = spread(
    input.reference.map((r) => r.year),
    LEFT,
    REFERENCE_RIGHT,
    18,
  );
  const parts: string[] = [
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    text(
      LEFT - 26,
      18,
      input.title,
      `font-size="${input.title.length > 42 ? 13 : 16}" fill="${CHART_COLOURS.text}"`,
    ),
    text(LEFT - 26, TOP - 12, words.place, 'font-size="13"'),
  ];
  for (const place of ticks) {
    parts.push(
      `<line x1="${LEFT}" x2="${RIGHT}" y1="${n(y(place))}" y2="${n(y(place))}" stroke="${CHART_COLOURS.grid}" stroke-width="1"/>`,
      text(LEFT - 6, y(place) + 5, String(place), 'font-size="14" text-anchor="end"'),
    );
  }
  // The break between the national panel and the rounds: a gap in the axis with two slanted strokes.
  const breakX = (REFERENCE_RIGHT + ROUNDS_LEFT) / 2;
  parts.push(
    `<rect x="${REFERENCE_RIGHT + 4}" y="${TOP - 6}" width="${ROUNDS_LEFT - REFERENCE_RIGHT - 8}" height="${BOTTOM - TOP + 12}" fill="#ffffff"/>`,
    `<path d="M${breakX - 6} ${BOTTOM + 6} l6 -12 M${breakX} ${BOTTOM + 6} l6 -12" stroke="#999999" stroke-width="1.2"/>`,
    `<line x1="${LEFT}" x2="${REFERENCE_RIGHT}" y1="${BOTTOM}" y2="${BOTTOM}" stroke="#999999"/>`,
    `<line x1="${ROUNDS_LEFT}" x2="${RIGHT}" y1="${BOTTOM}" y2="${BOTTOM}" stroke="#999999"/>`,
  );

  // The national reference, at its own years.
  if (input.reference.length) {
    const path = input.reference
      .map((r, i) => `${i ? 'L' : 'M'}${n(xYear(r.year))} ${n(y(r.place))}`)
      .join(' ');
    parts.push(
      `<path d="${path}" fill="none" stroke="${CHART_COLOURS.reference}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
    input.reference.forEach((r, i) => {
      // A point lower than its neighbours has its value below it, clear of the lines.
      const around = [input.reference[i - 1], input.reference[i + 1]].filter((p) => p !== undefined);
      const valley = around.length > 0 && around.every((p) => p.place < r.place);
      parts.push(
        `<circle cx="${n(xYear(r.year))}" cy="${n(y(r.place))}" r="3" fill="${CHART_COLOURS.reference}"/>`,
        text(
          xYear(r.year),
          y(r.place) + (valley ? 18 : -8),
          String(r.place),
          'font-size="13" text-anchor="middle"',
        ),
        text(xYear(r.year), BOTTOM + 18, String(r.year), 'font-size="13" text-anchor="middle"'),
      );
    });
    parts.push(
      text(
        (LEFT + REFERENCE_RIGHT) / 2,
        BOTTOM + 50,
        'Sverigestudien',
        'font-size="13" text-anchor="middle"',
      ),
    );
  }

  // The goal across the rounds' panel, labelled at its left end.
  parts.push(
    `<line x1="${ROUNDS_LEFT}" x2="${RIGHT}" y1="${n(y(input.goalPlace))}" y2="${n(y(input.goalPlace))}" stroke="${CHART_COLOURS.goal}" stroke-width="2" stroke-dasharray="6 4"/>`,
    text(
      ROUNDS_LEFT + 2,
      y(input.goalPlace) - 5,
      words.goal(input.goalPlace),
      `font-size="14" fill="${CHART_COLOURS.goal}"`,
    ),
    text((ROUNDS_LEFT + RIGHT) / 2, BOTTOM + 50, words.rounds, 'font-size="13" text-anchor="middle"'),
  );
  parts.push(...intervalBand(rounds, times, xRound, y));
  const shown = labelled(times.map(xRound));
  rounds.forEach((round, index) => {
    if (shown.has(index))
      parts.push(
        ...roundDate(round.closesAt, input.language)
          .split(' ')
          .map((line, row) =>
            text(
              xRound(times[index] as number),
              BOTTOM + 18 + row * 15,
              line,
              'font-size="13" text-anchor="middle"',
            ),
          ),
      );
  });
  if (rounds.length > 1) {
    const path = rounds
      .map((r, i) => `${i ? 'L' : 'M'}${n(xRound(times[i] as number))} ${n(y(r.median))}`)
      .join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${CHART_COLOURS.median}" stroke-width="2.5"/>`);
  }
  rounds.forEach((round, index) => {
    parts.push(
      `<circle cx="${n(xRound(times[index] as number))}" cy="${n(y(round.median))}" r="4" fill="${CHART_COLOURS.median}"/>`,
    );
  });
  parts.push(...latestLabel(rounds, times, xRound, y));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${CHART_FONT_FAMILY}" fill="${CHART_COLOURS.text}">${parts.join('')}</svg>`;
}

type Scale = (value: number) => number;

/** The 95 % interval: a band through consecutive rounds that have one, a bar where a round stands alone. */
function intervalBand(rounds: ChartRound[], times: number[], x: Scale, y: Scale): string[] {
  const runs: { at: number; ci: [number, number] }[][] = [[]];
  rounds.forEach((round, index) => {
    if (round.ci95) runs.at(-1)?.push({ at: x(times[index] as number), ci: round.ci95 });
    else runs.push([]);
  });
  return runs
    .filter((run) => run.length)
    .map((run) => {
      if (run.length === 1) {
        const [only] = run as [{ at: number; ci: [number, number] }];
        return `<rect x="${n(only.at - 5)}" y="${n(y(only.ci[0]))}" width="10" height="${n(Math.max(2, y(only.ci[1]) - y(only.ci[0])))}" rx="3" fill="${CHART_COLOURS.interval}"/>`;
      }
      const upper = run.map((p) => `${n(p.at)} ${n(y(p.ci[0]))}`);
      const lower = run.map((p) => `${n(p.at)} ${n(y(p.ci[1]))}`).reverse();
      return `<path d="M${[...upper, ...lower].join(' L')} Z" fill="${CHART_COLOURS.interval}"/>`;
    });
}

/** The latest median and its interval, written beside its point, on the side with room. */
function latestLabel(rounds: ChartRound[], times: number[], x: Scale, y: Scale): string[] {
  const latest = rounds.at(-1);
  if (!latest) return [];
  const px = x(times.at(-1) as number);
  const py = y(latest.median);
  const below = py - TOP < 34;
  const anchor = px > RIGHT - 60 ? 'end' : 'start';
  const dx = anchor === 'end' ? -8 : 8;
  const first = below ? py + 24 : py - 26;
  return [
    text(
      px + dx,
      first,
      String(latest.median),
      `font-size="18" fill="${CHART_COLOURS.median}" text-anchor="${anchor}"`,
    ),
    ...(latest.ci95
      ? [
          text(
            px + dx,
            first + 15,
            `(${latest.ci95[0]}–${latest.ci95[1]})`,
            `font-size="13" fill="${CHART_COLOURS.median}" text-anchor="${anchor}"`,
          ),
        ]
      : []),
  ];
}
