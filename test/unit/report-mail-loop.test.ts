import { describe, expect, it } from 'vitest';
import { reportMail } from '../../shared/mail/report-mail.js';
import { ACTIONS, roundReport, trend, withLoop } from '../browser/report-mail-fixtures.js';

const JSON_URL = 'https://kundpuls.example/v1/organisations/org_1/rounds/rnd_4/report';
const mailOf = (report = withLoop(roundReport())) =>
  reportMail('a@example.org', 'Demokommunen', report, trend(), JSON_URL);
/** The plain-text lines of one action's entry: its title line and the indented lines below it. */
function entry(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`- ${title}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !line.startsWith('  '));
  return rest.slice(0, end).map((line) => line.trim());
}

describe('the report mail: actions beside the change', () => {
  it('says what the organisation did, where, and the change there with whether it is beyond chance', () => {
    const { text } = mailOf();

    expect(entry(text, ACTIONS[0]?.text as string)).toEqual([
      'Hela organisationen · genomförd',
      'Medianplats: -6.5 (6.5 platser högre, mer än slumpen förklarar)',
      'Andel topp 10: +2 procentenheter (ingen tydlig förändring)',
    ]);
    expect(entry(text, 'Kundtjänst svarar inom en arbetsdag')).toEqual([
      'Avdelning: Kundtjänst · genomförd',
      'Medianplats: -4 (ingen tydlig förändring)',
      'Andel topp 10: +5 procentenheter (ingen tydlig förändring)',
    ]);
  });

  it('says a withheld change is withheld, with no number, and derives nothing for an unreported segment', () => {
    const { text } = mailOf();
    const small = entry(text, 'Vården följer upp klagomål veckovis');
    const unreported = entry(text, ACTIONS[3]?.text as string);

    expect(small).toEqual([
      'Avdelning: Vård · planerad',
      'Förändring: hålls inne: färre än 5 svar bakom siffran',
    ]);
    expect(unreported).toEqual([
      'Avdelning: Ekonomi, Roll: Chef · planerad',
      'Förändring: ingen siffra: rapporten redovisar inte den gruppen',
    ]);
  });

  it('claims no cause, in both languages', () => {
    const sv = mailOf();
    const en = mailOf(withLoop(roundReport({ language: 'en' })));

    expect(sv.text).toContain('säger inte att åtgärden orsakade förändringen');
    expect(en.text).toContain('does not claim that the action caused the change');
    expect(en.text).toContain('Median place: -6.5 (6.5 places higher, more than chance explains)');
  });

  it('escapes an action as written in the HTML, and shows it whole in the text part', () => {
    const report = withLoop(roundReport());
    const tricky = { ...(ACTIONS[2] as (typeof ACTIONS)[number]), text: 'Kundråd i <b>Omsorg</b> & "Stab"' };
    const { html, text } = mailOf({ ...report, actions: [tricky] });

    expect(html).toContain('<strong>Kundråd i &lt;b&gt;Omsorg&lt;/b&gt; &amp; &quot;Stab&quot;</strong>');
    expect(html).not.toContain('<b>Omsorg</b>');
    expect(text).toContain('- Kundråd i <b>Omsorg</b> & "Stab"');
  });

  it('lists ideas by theme with how many people share each, and has no section for a round without actions', () => {
    const { text } = mailOf();
    const bare = mailOf(roundReport());

    expect(text).toContain(
      'Idéer för att höja medborgaren: vanligaste teman:\nkundråd (9), fråga medborgarna (7)',
    );
    expect(bare.text).not.toContain('Ni sa – vi gjorde');
    expect(bare.text).not.toContain('Idéer');
  });
});
