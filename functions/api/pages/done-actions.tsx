import { doneActionsHeading } from '../../../shared/mail/done-actions-mail.js';
import type { RoundSnapshot } from '../../../shared/rounds/round.js';

/** "What we did since the last pulse" on the answer form: the round's frozen texts, escaped by JSX. */
export function DoneActions(props: { snapshot: RoundSnapshot }) {
  const done = props.snapshot.doneActions ?? [];
  if (done.length === 0) return null;
  return (
    <section class="done-actions" aria-labelledby="done-actions-title">
      <h2 id="done-actions-title">{doneActionsHeading(props.snapshot.language)}</h2>
      <ul>
        {done.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
    </section>
  );
}
