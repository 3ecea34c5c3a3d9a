import type { Child } from 'hono/jsx';

/**
 * The frame of every respondent-facing page: no third-party assets, one stylesheet and one small script from
 * our own origin, so the Content-Security-Policy can stay strict.
 */
export function Layout(props: { language: 'sv' | 'en'; title: string; children: Child }) {
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{props.title}</title>
        <link rel="stylesheet" href="/assets/kundpuls.css" />
        <script src="/assets/kundpuls.js" defer />
      </head>
      <body>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

export function Message(props: {
  language: 'sv' | 'en';
  title: string;
  text: string;
  status?: 'info' | 'error';
}) {
  return (
    <Layout language={props.language} title={props.title}>
      <h1>{props.title}</h1>
      <p class={props.status === 'error' ? 'notice notice-error' : 'notice'}>{props.text}</p>
    </Layout>
  );
}
