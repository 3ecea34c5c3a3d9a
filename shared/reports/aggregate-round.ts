import { FREE_TEXT_FIELDS, type FreeTextField, type StoredAnswer } from '../answers/answer.js';
import type { CustomerTerm } from '../organisations/customer-term.js';
import { SEGMENT_FIELDS } from '../respondents/respondent.js';
import { type ValueFigures, valueFigures } from '../values/value-figures.js';
import type { Value } from '../values/value-list.js';
import { ValueTally } from '../values/value-tally.js';
import { type RankFigures, RankHistogram, rankFigures, round2 } from './rank-stats.js';
import { groupsToHide } from './suppression.js';
import { ThemeCounter } from './themes.js';

/** At most this many comments a question go into a stored report (a random sample when there are more). */
export const COMMENT_SAMPLE = 100;
const NOT_SET = '';

export interface SegmentFigures {
  value: string;
  suppressed: boolean;
  answered?: number;
  median?: number;
  mean?: number;
  top10Share?: number;
  dontKnowShare?: number;
}

export interface RoundFigures {
  answered: number;
  suppressed: boolean;
  rank?: RankFigures;
  segments: Record<(typeof SEGMENT_FIELDS)[number], SegmentFigures[]>;
  comments: Partial<Record<FreeTextField, string[]>>;
  commentsSuppressed: FreeTextField[];
  themes: { word: string; mentions: number }[];
  /** Present when the round used a value list and at least k respondents picked values. */
  values?: ValueFigures;
}

export interface PlaceSample {
  histogram: RankHistogram;
  dontKnow: number;
}

class Group {
  readonly histogram: RankHistogram;
  dontKnow = 0;
  /** Answered the pulse but skipped question 1: neither a place nor "don't know". */
  skipped = 0;
  constructor(rankMax: number) {
    this.histogram = new RankHistogram(rankMax);
  }
  add(rank: number | null | undefined) {
    if (rank === undefined) this.skipped++;
    else if (rank === null) this.dontKnow++;
    else this.histogram.add(rank);
  }
  get answered() {
    return this.histogram.n + this.dontKnow + this.skipped;
  }
}

/**
 * Folds a round's answers, one at a time, into its figures. Memory is bounded by the value list, the number
 * of segment values, the comment samples and the theme vocabulary, never by the number of answers.
 * `random` is injected so the comment sample and its shuffle are reproducible in tests.
 */
export class RoundAggregator {
  private readonly all: Group;
  private readonly segments = new Map<string, Map<string, Group>>(SEGMENT_FIELDS.map((f) => [f, new Map()]));
  private readonly samples = new Map<FreeTextField, { seen: number; kept: string[] }>(
    FREE_TEXT_FIELDS.map((f) => [f, { seen: 0, kept: [] }]),
  );
  private readonly themes: ThemeCounter;
  private readonly valueTally?: ValueTally;

  constructor(
    private readonly rankMax: number,
    private readonly random: () => number = Math.random,
    values?: Value[],
    private readonly language: 'sv' | 'en' = 'en',
    customerTerm?: CustomerTerm,
  ) {
    this.all = new Group(rankMax);
    this.themes = new ThemeCounter(FREE_TEXT_FIELDS, customerTerm);
    if (values) this.valueTally = new ValueTally(values);
  }

  add(answer: StoredAnswer): void {
    this.all.add(answer.rank);
    this.valueTally?.add(answer.valuesToday, answer.valuesWishedFor);
    for (const field of SEGMENT_FIELDS) {
      const groups = this.segments.get(field) as Map<string, Group>;
      const value = answer.segments[field] ?? NOT_SET;
      const group = groups.get(value) ?? new Group(this.rankMax);
      group.add(answer.rank);
      groups.set(value, group);
    }
    this.themes.add(answer.texts);
    for (const field of FREE_TEXT_FIELDS) {
      const text = answer.texts[field];
      if (!text) continue;
      const sample = this.samples.get(field) as { seen: number; kept: string[] };
      sample.seen++;
      // Reservoir sampling: every comment has the same chance to be kept, in one pass.
      if (sample.kept.length < COMMENT_SAMPLE) sample.kept.push(text);
      else {
        const slot = Math.floor(this.random() * sample.seen);
        if (slot < COMMENT_SAMPLE) sample.kept[slot] = text;
      }
    }
  }

  /** The round's places and don't-knows, for the change test against the next round (never published as such). */
  placeSample(): PlaceSample {
    return { histogram: this.all.histogram, dontKnow: this.all.dontKnow };
  }

  figures(threshold: number, commentThreshold: number): RoundFigures {
    const answered = this.all.answered;
    const suppressed = answered < threshold;
    const empty = { department: [], role: [], site: [] };
    if (suppressed)
      return {
        answered,
        suppressed,
        segments: empty,
        comments: {},
        commentsSuppressed: [...FREE_TEXT_FIELDS],
        themes: [],
      };
    const comments: RoundFigures['comments'] = {};
    const commentsSuppressed: FreeTextField[] = [];
    for (const [field, sample] of this.samples) {
      if (sample.seen === 0) continue;
      if (sample.seen < commentThreshold) commentsSuppressed.push(field);
      else comments[field] = shuffle([...sample.kept], this.random);
    }
    const anyComments = Object.keys(comments).length > 0;
    const rank = rankFigures(this.all.histogram, this.all.dontKnow);
    const values =
      this.valueTally && this.valueTally.respondents >= threshold
        ? valueFigures(this.valueTally, rank?.median, this.language, threshold)
        : undefined;
    return {
      answered,
      suppressed,
      rank,
      segments: Object.fromEntries(
        SEGMENT_FIELDS.map((field) => [
          field,
          segmentFigures(this.segments.get(field) as Map<string, Group>, threshold),
        ]),
      ) as RoundFigures['segments'],
      comments,
      commentsSuppressed,
      // Themes count distinct people, only in released questions, and never fewer than k of them.
      themes: anyComments ? this.themes.top(10, threshold, Object.keys(comments) as FreeTextField[]) : [],
      ...(values ? { values } : {}),
    };
  }
}

function segmentFigures(groups: Map<string, Group>, threshold: number): SegmentFigures[] {
  // Only answers that name a value make a segment; with none, the dimension is simply not reported.
  if (groups.size === 0 || (groups.size === 1 && groups.has(NOT_SET))) return [];
  const hidden = groupsToHide(
    new Map([...groups].map(([value, group]) => [value, group.answered])),
    threshold,
  );
  return [...groups]
    .filter(([value]) => value !== NOT_SET)
    .sort((a, b) => a[0].localeCompare(b[0], 'sv'))
    .map(([value, group]) => {
      if (hidden.has(value)) return { value, suppressed: true };
      const rank = rankFigures(group.histogram, group.dontKnow);
      return {
        value,
        suppressed: false,
        answered: group.answered,
        ...(rank ? { median: rank.median, mean: rank.mean, top10Share: rank.top10Share } : {}),
        // Of those who answered question 1: a skipped question is neither a place nor "don't know".
        dontKnowShare: round2(group.dontKnow / Math.max(1, group.histogram.n + group.dontKnow)),
      };
    });
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
