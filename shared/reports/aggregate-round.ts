import { FREE_TEXT_FIELDS, type FreeTextField, type StoredAnswer } from '../answers/answer.js';
import type { CustomerTerm } from '../organisations/customer-term.js';
import { type ValueFigures, valueFigures } from '../values/value-figures.js';
import type { Value } from '../values/value-list.js';
import { ValueTally } from '../values/value-tally.js';
import { type RankFigures, type RankHistogram, rankFigures } from './rank-stats.js';
import { type Cell, cellKey } from './release-cells.js';
import { round4 } from './rounding.js';
import { Group, type Segmented, type SegmentFigures, segmentFigures } from './segment-figures.js';
import { ThemeCounter } from './themes.js';
import type { Withheld } from './withheld.js';

/** Question 3: "what can you do to raise the customer's place?" Its themes are the report's `ideas`. */
export const IDEAS_FIELD: FreeTextField = 'raiseIdeas';

/** At most this many comments a question go into a stored report (a random sample when there are more). */
export const COMMENT_SAMPLE = 100;

export interface PlaceSample {
  histogram: RankHistogram;
  dontKnow: number;
}

export interface RoundFigures {
  answered: number;
  /** True when the round's place figures are not released (too few answers or places, or the round is open). */
  suppressed: boolean;
  rank: RankFigures | null;
  /**
   * The share of "don't know" among those who gave a place or chose "don't know", released once k people did
   * either: place figures need k places (see `rank`), but a round where most say "don't know" still says so.
   * Equal to `rank.dontKnowShare` where that is released. `null` with a reason in `withheld` otherwise.
   */
  dontKnowShare?: number | null;
  segments: Segmented<SegmentFigures>;
  comments: Partial<Record<FreeTextField, string[]>>;
  commentsSuppressed: FreeTextField[];
  themes: { word: string; mentions: number }[];
  /**
   * Question 3 (what would raise the customer's place) by theme: the themes of its answers alone, under the
   * rules of `themes` (the question released, k people a theme, no free text). Absent in reports stored before.
   */
  ideas?: { word: string; mentions: number }[];
  /** Present when the round used a value list and at least k respondents picked values. */
  values?: ValueFigures;
  /** Each figure or group not released, with the reason. */
  withheld: Withheld;
}

/**
 * Folds a round's answers, one at a time, into its figures. Memory is bounded by the value list, the number
 * of segment values, the comment samples and the theme vocabulary, never by the number of answers.
 * `random` is injected so the comment sample and its shuffle are reproducible in tests.
 */
export class RoundAggregator {
  private readonly all: Group;
  /** One group per release cell (department × role × site): the finest grain any segment figure uses. */
  private readonly cells = new Map<string, Cell<Group>>();
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
    const key = cellKey(answer.segments);
    const cell = this.cells.get(key) ?? { key, segments: answer.segments, tally: new Group(this.rankMax) };
    cell.tally.add(answer.rank);
    this.cells.set(key, cell);
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

  /** The round's answers per release cell (counts only), for changes per segment (never published as such). */
  cellGroups(): Cell<Group>[] {
    return [...this.cells.values()];
  }

  figures(
    threshold: number,
    commentThreshold: number,
    frozenSegments?: Parameters<typeof segmentFigures>[2],
  ): RoundFigures {
    const answered = this.all.answered;
    if (answered < threshold)
      return {
        answered,
        suppressed: true,
        rank: null,
        dontKnowShare: null,
        segments: { department: [], role: [], site: [] },
        comments: {},
        commentsSuppressed: [...FREE_TEXT_FIELDS],
        themes: [],
        ideas: [],
        withheld: Object.fromEntries(
          [
            'rank',
            'dontKnowShare',
            'segments',
            'comments',
            'themes',
            'ideas',
            ...(this.valueTally ? ['values'] : []),
          ].map((figure) => [figure, 'below-threshold']),
        ) as Withheld,
      };
    const withheld: Withheld = {};
    const comments: RoundFigures['comments'] = {};
    const commentsSuppressed: FreeTextField[] = [];
    for (const [field, sample] of this.samples) {
      if (sample.seen === 0) continue;
      if (sample.seen < commentThreshold) {
        commentsSuppressed.push(field);
        withheld[`comments.${field}`] = 'below-threshold';
      } else comments[field] = shuffle([...sample.kept], this.random);
    }
    const anyComments = Object.keys(comments).length > 0;
    if (commentsSuppressed.includes(IDEAS_FIELD)) withheld.ideas = 'below-threshold';
    // Place figures count the people who gave a place: k answers of which k-1 "don't know" show one place.
    const rank =
      this.all.known >= threshold ? (rankFigures(this.all.histogram, this.all.dontKnow) ?? null) : null;
    if (!rank) withheld.rank = 'too-few-places';
    const placedOrDontKnow = this.all.known + this.all.dontKnow;
    const dontKnowShare = placedOrDontKnow >= threshold ? round4(this.all.dontKnow / placedOrDontKnow) : null;
    if (dontKnowShare === null) withheld.dontKnowShare = 'below-threshold';
    const bySegment = segmentFigures([...this.cells.values()], threshold, frozenSegments);
    const values =
      this.valueTally && this.valueTally.respondents >= threshold
        ? valueFigures(this.valueTally, rank?.median, this.language, threshold)
        : undefined;
    return {
      answered,
      suppressed: rank === null,
      rank,
      dontKnowShare,
      segments: bySegment.segments,
      comments,
      commentsSuppressed,
      // Themes count distinct people, only in released questions, and never fewer than k of them.
      themes: anyComments ? this.themes.top(10, threshold, Object.keys(comments) as FreeTextField[]) : [],
      // The same counter, over question 3 alone: its people by the questions they used a term in.
      ideas: comments[IDEAS_FIELD] ? this.themes.top(10, threshold, [IDEAS_FIELD]) : [],
      ...(values ? { values } : {}),
      withheld: { ...withheld, ...bySegment.withheld },
    };
  }
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
