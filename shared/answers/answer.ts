import * as z from 'zod/mini';
import type { Segments } from '../respondents/respondent.js';
import { MAX_PICKS, type ValueList } from '../values/value-list.js';

export const FREE_TEXT_FIELDS = [
  'rankReason',
  'raiseIdeas',
  'consequencesNow',
  'consequencesIfRaised',
] as const;
export type FreeTextField = (typeof FREE_TEXT_FIELDS)[number];
export const MAX_FREE_TEXT = 2000;

const freeText = () =>
  z.optional(
    z
      .pipe(
        z.union([z.string(), z.null()]),
        // NFC: a decomposed "byråkrati" (a + combining ring) is the same word as the composed one.
        z.transform((value) => (value ?? '').normalize('NFC').replace(/\r\n/g, '\n').trim()),
      )
      .check(z.refine((value) => value.length <= MAX_FREE_TEXT, `At most ${MAX_FREE_TEXT} characters`)),
  );

/** Up to 10 value ids from the round's list: repeated form fields or a JSON array; duplicates count once. */
const picks = (valueIds: ReadonlySet<string>) =>
  z.optional(
    z.pipe(
      z.union([z.string(), z.array(z.string())]),
      z.transform((value, ctx) => {
        const ids = [
          ...new Set((Array.isArray(value) ? value : [value]).map((id) => id.trim()).filter(Boolean)),
        ];
        if (ids.length > MAX_PICKS) {
          ctx.issues.push({ code: 'custom', input: value, message: `Pick at most ${MAX_PICKS} values` });
          return z.NEVER;
        }
        if (ids.some((id) => !valueIds.has(id))) {
          ctx.issues.push({ code: 'custom', input: value, message: "Only values from this round's list" });
          return z.NEVER;
        }
        return ids;
      }),
    ),
  );

/** The explicit "don't know" choice beside the place; distinct from leaving the question empty (skipped). */
export const DONT_KNOW = 'dont-know';
const PLAIN_INTEGER = /^[0-9]{1,4}$/;

/**
 * The place: a plain decimal integer from 1 to the list size (no `1e1`, `0x10`, `10.0` or signs), or
 * "dont-know". Empty, null or missing: the question was skipped (undefined), neither a place nor don't know.
 */
const rankField = (rankMax: number) =>
  z.optional(
    z.pipe(
      z.union([z.string(), z.number(), z.null()]),
      z.transform((value, ctx): number | null | undefined => {
        const text = value === null ? '' : String(value).trim();
        if (text === '') return undefined;
        if (text === DONT_KNOW) return null;
        const rank = PLAIN_INTEGER.test(text) ? Number(text) : Number.NaN;
        if (!(rank >= 1 && rank <= rankMax)) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            message: `A whole number from 1 to ${rankMax}, or "${DONT_KNOW}"; empty to skip the question`,
          });
          return z.NEVER;
        }
        return rank;
      }),
    ),
  );

/**
 * The answers as a form or JSON sends them. `rank`: a place, `null` for "don't know", `undefined` when skipped.
 * With a value list, the two pick lists too (without one, they are refused like any unknown value).
 */
export function answerSchema(rankMax: number, valueIds: ReadonlySet<string> = new Set()) {
  return z.object({
    rank: rankField(rankMax),
    rankReason: freeText(),
    raiseIdeas: freeText(),
    consequencesNow: freeText(),
    consequencesIfRaised: freeText(),
    valuesToday: picks(valueIds),
    valuesWishedFor: picks(valueIds),
  });
}
export type AnswerInput = z.infer<ReturnType<typeof answerSchema>>;

/** True when an answer holds nothing at all: no place, no don't-know, no text, no picks. Such a post is refused. */
export function isEmptyAnswer(input: AnswerInput): boolean {
  return (
    input.rank === undefined &&
    FREE_TEXT_FIELDS.every((field) => !input[field]) &&
    !input.valuesToday?.length &&
    !input.valuesWishedFor?.length
  );
}

const schemas = new Map<string, ReturnType<typeof answerSchema>>();

/**
 * The schema for a round's form, built once per scale and value list rather than per answer (a third of the
 * app's own time on the answer path). Value lists are never edited once a round used them (decision 18), so
 * id and version name the content. A container sees few lists; the cache is cleared past 100 all the same.
 */
export function answerSchemaFor(snapshot: { rankMax: number; values?: ValueList }) {
  const key = `${snapshot.rankMax}|${snapshot.values?.id ?? ''}|${snapshot.values?.version ?? ''}`;
  let schema = schemas.get(key);
  if (!schema) {
    if (schemas.size >= 100) schemas.clear();
    schema = answerSchema(snapshot.rankMax, new Set(snapshot.values?.values.map((value) => value.id)));
    schemas.set(key, schema);
  }
  return schema;
}

/**
 * An answer as stored: the round, the answers and the segments as they were when the round opened. No
 * respondent key, e-mail, token or time: nothing that leads back to a person.
 */
export interface StoredAnswer {
  roundId: string;
  answerKey: string;
  /** A place; `null`: "don't know"; absent: the question was skipped (answers stored before skipping existed never lack it). */
  rank?: number | null;
  texts: Partial<Record<FreeTextField, string>>;
  segments: Segments;
  valuesToday?: string[];
  valuesWishedFor?: string[];
}
