import { DONT_KNOW, FREE_TEXT_FIELDS, MAX_FREE_TEXT, MAX_PICKS } from '../../../shared/answers/answer.js';
import type { RoundSnapshot } from '../../../shared/rounds/round.js';
import { valueName, valueOrder } from '../../../shared/values/value-order.js';
import { answerCopy } from './answer-copy.js';
import { DoneActions } from './done-actions.js';
import { HiddenFields } from './hidden-fields.js';
import { Layout } from './layout.js';

export type FormValues = Partial<Record<(typeof FREE_TEXT_FIELDS)[number], string>> & {
  rank?: string | string[];
  valuesToday?: string | string[];
  valuesWishedFor?: string | string[];
};

const picked = (value: string | string[] | undefined) =>
  new Set(Array.isArray(value) ? value : value ? [value] : []);

/** A pick-up-to-10 list as a checkbox group; the script adds a live counter and greys out the rest at 10. */
function ValuePicks(props: {
  field: 'valuesToday' | 'valuesWishedFor';
  number: number;
  legend: string;
  hint: string;
  counter: string;
  error?: string;
  snapshot: RoundSnapshot;
  /** The values in this person's order. */
  order: NonNullable<RoundSnapshot['values']>['values'];
  checked: Set<string>;
}) {
  const language = props.snapshot.language;
  const term = props.snapshot.customerTerm;
  return (
    <fieldset data-max-picks={MAX_PICKS} aria-describedby={`${props.field}-hint`}>
      <legend>
        {props.number}. {props.legend}
      </legend>
      <p class="hint" id={`${props.field}-hint`}>
        {props.hint}
      </p>
      {props.error && (
        <p class="field-error" id={props.field}>
          {props.error}
        </p>
      )}
      <p class="counter" aria-live="polite" data-counter data-template={props.counter} />
      <div class="values">
        {props.order.map((value) => (
          <div class="choice">
            <input
              type="checkbox"
              id={`${props.field}-${value.id}`}
              name={props.field}
              value={value.id}
              checked={props.checked.has(value.id)}
            />
            <label for={`${props.field}-${value.id}`}>{valueName(value, term, language)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The pulse: five questions, plain HTML that works without JavaScript, labelled and grouped for screen readers.
 * `seed` (a hash of round and respondent key) fixes this person's order of the values: their own, the same on
 * reload.
 */
export function AnswerForm(props: {
  snapshot: RoundSnapshot;
  seed: string;
  values?: FormValues;
  errors?: Record<string, string>;
  /** Carried through the post unseen: the kiosk's answer code. */
  hidden?: Record<string, string>;
}) {
  const copy = answerCopy(props.snapshot);
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const errorIds = Object.keys(errors);
  const order = valueOrder(props.snapshot.values?.values ?? [], props.seed);
  const ranks = Array.isArray(values.rank) ? values.rank : values.rank ? [values.rank] : [];
  const place = ranks.find((rank) => rank !== DONT_KNOW) ?? '';
  return (
    <Layout
      language={props.snapshot.language}
      title={errorIds.length ? `${copy.errorsTitle}: ${copy.title}` : copy.title}
    >
      <h1>{copy.heading}</h1>
      <p class="lead">{copy.intro}</p>
      <DoneActions snapshot={props.snapshot} />
      {errorIds.length > 0 && (
        <div
          class="error-summary"
          role="alert"
          tabindex={-1}
          data-error-summary
          aria-labelledby="error-summary-title"
        >
          <h2 id="error-summary-title">{copy.errorsTitle}</h2>
          <ul>
            {errorIds.map((field) => (
              <li>
                <a href={`#${field}`}>{errors[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" novalidate>
        <HiddenFields fields={props.hidden} />
        <fieldset>
          <legend>1. {copy.rank}</legend>
          <label for="rank">{props.snapshot.language === 'sv' ? 'Plats' : 'Place'}</label>
          <p class="hint" id="rank-hint">
            {copy.rankHint}
          </p>
          {errors.rank && (
            <p class="field-error" id="rank-error">
              {errors.rank}
            </p>
          )}
          <input
            type="number"
            id="rank"
            name="rank"
            min={1}
            max={props.snapshot.rankMax}
            step={1}
            inputmode="numeric"
            value={place}
            aria-describedby={errors.rank ? 'rank-hint rank-error' : 'rank-hint'}
            aria-invalid={errors.rank ? 'true' : undefined}
          />
          <div class="choice">
            <input
              type="checkbox"
              id="rank-dont-know"
              name="rank"
              value={DONT_KNOW}
              checked={ranks.includes(DONT_KNOW)}
            />
            <label for="rank-dont-know">{copy.dontKnow}</label>
          </div>
        </fieldset>
        {FREE_TEXT_FIELDS.map((field, index) => (
          <fieldset>
            <legend>
              {index + 2}. {copy[field]}
            </legend>
            <label for={field}>{props.snapshot.language === 'sv' ? 'Ditt svar' : 'Your answer'}</label>
            <p class="hint" id={`${field}-hint`}>
              {copy.freeHint}
            </p>
            {errors[field] && (
              <p class="field-error" id={`${field}-error`}>
                {errors[field]}
              </p>
            )}
            <textarea
              id={field}
              name={field}
              maxlength={MAX_FREE_TEXT}
              rows={4}
              aria-describedby={errors[field] ? `${field}-hint ${field}-error` : `${field}-hint`}
              aria-invalid={errors[field] ? 'true' : undefined}
            >
              {values[field] ?? ''}
            </textarea>
          </fieldset>
        ))}
        {props.snapshot.values &&
          (['valuesToday', 'valuesWishedFor'] as const).map((field, index) => (
            <ValuePicks
              field={field}
              number={6 + index}
              legend={copy[field]}
              hint={copy.valuesHint}
              counter={copy.valuesCounter}
              error={errors[field]}
              snapshot={props.snapshot}
              order={order}
              checked={picked(values[field])}
            />
          ))}
        <button type="submit">{copy.submit}</button>
      </form>
    </Layout>
  );
}
