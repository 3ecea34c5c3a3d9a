import { Layout } from './layout.js';

export type KioskError = 'unknown' | 'limited';

/**
 * The kiosk's page: type the code from your slip, open your form. Before a code is known the page cannot
 * know the organisation's language, so it speaks Swedish and English, as the unknown-link page does.
 */
export function KioskPage(props: { code?: string; error?: KioskError }) {
  const error =
    props.error === 'unknown'
      ? 'Koden finns inte eller har gått ut. Kontrollera den och försök igen. / This code is unknown or has expired.'
      : props.error === 'limited'
        ? 'För många felaktiga koder. Försök igen om en stund. / Too many wrong codes; please try again later.'
        : undefined;
  return (
    <Layout language="sv" title={error ? 'Fel: Svara med din kod' : 'Svara med din kod'}>
      <h1>Svara med din kod</h1>
      <p class="lead" lang="en">
        Answer with your code
      </p>
      <p>
        Skriv koden från din lapp, till exempel <span class="code-example">7KQ2M-X9D4P</span>.{' '}
        <span lang="en">Type the code from your slip.</span>
      </p>
      <form method="post" action="/k" novalidate>
        <label for="code">
          Din kod <span lang="en">/ Your code</span>
        </label>
        <p class="hint" id="code-hint">
          10 tecken; bindestreck och mellanslag spelar ingen roll. <span lang="en">10 characters.</span>
        </p>
        {error && (
          <p class="field-error" id="code-error" role="alert">
            {error}
          </p>
        )}
        <input
          type="text"
          class="code"
          id="code"
          name="code"
          value={props.code ?? ''}
          maxlength={20}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          required
          aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
        <p>
          <button type="submit">
            Öppna formuläret <span lang="en">/ Open the form</span>
          </button>
        </p>
      </form>
    </Layout>
  );
}

/** After an answer by code: thanks, and the way back for the next person at a shared screen. */
export function KioskThanks(props: { language: 'sv' | 'en'; title: string; text: string }) {
  return (
    <Layout language={props.language} title={props.title}>
      <h1>{props.title}</h1>
      <p class="notice">{props.text}</p>
      <p>
        <a href="/k">
          {props.language === 'sv' ? 'Nästa person: ange en ny kod' : 'Next person: enter a new code'}
        </a>
      </p>
    </Layout>
  );
}
