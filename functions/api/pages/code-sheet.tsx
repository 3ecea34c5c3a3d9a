import { formatCode } from '../../../shared/codes/answer-code.js';
import type { CodeSheet } from '../../../shared/codes/code-sheet.js';
import { dayIn } from '../../../shared/rounds/round-dates.js';
import { QrCode } from './qr-svg.js';

/**
 * The sheet is saved and printed from a file, away from our origin, so it carries its own styles: A4, eight
 * slips a page, dashed lines to cut along, nothing that a printer drops (no backgrounds needed to read it).
 */
const PRINT_STYLES = `
@page{size:A4;margin:10mm}
*{box-sizing:border-box}
body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#000;background:#fff}
header{padding:8mm 4mm}
header h1{font-size:16pt;margin:0 0 2mm}
header p{margin:0;font-size:10pt}
.slips{display:grid;grid-template-columns:1fr 1fr}
.slip{border:1px dashed #555;padding:5mm;height:68mm;overflow:hidden;display:grid;grid-template-columns:1fr 30mm;gap:3mm;break-inside:avoid;page-break-inside:avoid}
.slip h2{font-size:11pt;margin:0 0 1.5mm}
.slip p{margin:0 0 1mm;font-size:9pt;line-height:1.25}
.slip .code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:16pt;font-weight:bold;letter-spacing:.04em;white-space:nowrap;margin:1mm 0 2mm}
.url{font-weight:bold}
.who{font-size:8.5pt;color:#333}
@media print{header{display:none}}
`;

function copy(sheet: CodeSheet, shortUrl: string) {
  const { snapshot, closesAt } = sheet.round;
  const closes = dayIn(snapshot.language, closesAt);
  if (snapshot.language === 'sv')
    return {
      title: `Svarskoder – ${snapshot.orgName}`,
      heading: `Pulsen hos ${snapshot.orgName}`,
      yourCode: 'Din personliga kod:',
      how: `Gå till ${shortUrl} och skriv koden, eller skanna QR-koden.`,
      closes: `Öppen till och med ${closes}.`,
      anonymity: `Svaren sparas utan namn och visas bara i grupper om minst ${snapshot.anonymityThreshold}.`,
      intro: `${sheet.slips.length} lappar att klippa ut och dela ut, en per person. Koden öppnar bara den personens svar och slutar gälla när pulsen stänger. Den som har lappen kan svara i personens namn: dela ut dem direkt.`,
      pending: `${sheet.pending} koder är inte klara än; hämta arket igen om en minut.`,
    };
  return {
    title: `Answer codes – ${snapshot.orgName}`,
    heading: `The pulse at ${snapshot.orgName}`,
    yourCode: 'Your personal code:',
    how: `Go to ${shortUrl} and type the code, or scan the QR code.`,
    closes: `Open until ${closes}.`,
    anonymity: `Answers are stored without names and shown only in groups of at least ${snapshot.anonymityThreshold}.`,
    intro: `${sheet.slips.length} slips to cut out and hand out, one per person. A code opens only that person's answer and stops working when the pulse closes. Whoever holds a slip can answer in that person's name: hand them out straight away.`,
    pending: `${sheet.pending} codes are not ready yet; fetch the sheet again in a minute.`,
  };
}

/** The printable sheet: one slip per person with the code, the short URL and a QR code that fills the code in. */
export function CodeSheetPage(props: { sheet: CodeSheet; publicUrl: string }) {
  const { sheet } = props;
  const shortUrl = `${props.publicUrl.replace(/^https?:\/\//, '')}/k`;
  const text = copy(sheet, shortUrl);
  return (
    <html lang={sheet.round.snapshot.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex" />
        <title>{text.title}</title>
        <style>{PRINT_STYLES}</style>
      </head>
      <body>
        <header>
          <h1>{text.title}</h1>
          <p>{text.intro}</p>
          {sheet.pending > 0 && <p>{text.pending}</p>}
        </header>
        <main class="slips">
          {sheet.slips.map((slip) => (
            <section class="slip" aria-label={formatCode(slip.code)}>
              <div>
                <h2>{text.heading}</h2>
                <p>{text.yourCode}</p>
                <p class="code">{formatCode(slip.code)}</p>
                <p class="url">{text.how}</p>
                <p>{text.closes}</p>
                <p>{text.anonymity}</p>
                <p class="who">
                  {[slip.employeeId, slip.department, slip.role, slip.site].filter(Boolean).join(' · ')}
                </p>
              </div>
              <QrCode text={`${props.publicUrl}/k?code=${slip.code}`} size="30mm" />
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
