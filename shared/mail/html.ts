/**
 * Escaping for e-mail HTML. Pages use Hono JSX, which escapes by itself; mail is built in the domain, which must
 * not import Hono, so it gets this small tagged template: every interpolated value is escaped unless it is
 * already `SafeHtml` from another `html` call.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

type Interpolation = SafeHtml | string | number | undefined | null | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof SafeHtml) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  return new SafeHtml(
    strings.reduce(
      (out, part, index) =>
        out + part + (index < values.length ? render(values[index] as Interpolation) : ''),
      '',
    ),
  );
}

/**
 * The frame every Kundpuls e-mail shares: inline CSS only, since mail clients drop <style> blocks. Fluid from
 * 320 px: the card is 100 % wide up to 600 px, with small side margins, and nothing inside has a fixed width.
 * Every colour is set with its background, and the mail declares itself light, so clients that darken mail
 * invert it as a whole or leave it alone: text never ends up dark on dark.
 */
export function mailLayout(language: 'sv' | 'en', title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><meta name="supported-color-schemes" content="light"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a"><main>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="#f4f5f7" style="background:#f4f5f7"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="#ffffff" style="max-width:600px;background:#ffffff;border-radius:6px"><tr><td style="padding:24px 16px;font-size:16px;line-height:1.5;color:#1a1a1a;word-break:break-word">
${body}
</td></tr></table>
<p style="font-size:12px;color:#555555;margin:16px 0 0">Kundpuls</p>
</td></tr></table>
</main></body></html>`.value;
}

export function button(href: string, label: string): SafeHtml {
  return html`<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#0b5394;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold">${label}</a></p>`;
}
