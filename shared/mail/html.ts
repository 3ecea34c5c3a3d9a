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

/** The frame every Kundpuls e-mail shares: inline CSS only, since mail clients drop <style> blocks. */
export function mailLayout(language: 'sv' | 'en', title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:6px"><tr><td style="padding:28px 28px 24px;font-size:16px;line-height:1.5">
${body}
</td></tr></table>
<p style="font-size:12px;color:#555;margin:16px 0 0">Kundpuls</p>
</td></tr></table>
</body></html>`.value;
}

export function button(href: string, label: string): SafeHtml {
  return html`<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#0b5394;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold">${label}</a></p>`;
}
