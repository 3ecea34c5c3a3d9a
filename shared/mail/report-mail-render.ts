import { html, type SafeHtml } from './html.js';

/**
 * The report mail as sections, rendered twice: as HTML and as the plain-text part. One model for both is what
 * keeps every figure of the HTML in the text. The HTML is fluid from 320 px up: tables at 100 % width whose
 * cells wrap (no fixed widths), inline styles only, since mail clients drop <style> blocks.
 */
export interface Cell {
  text: string;
  /** Background tint of a heatmap cell; the text stays dark on every tint (contrast ≥ 7:1). */
  shade?: string;
  strong?: boolean;
  /** Why a cell shows "–": read out by screen readers, shown on hover. */
  withheld?: string;
}

export type Section =
  | { kind: 'figures'; heading?: string; rows: { label: string; value: string }[] }
  | {
      kind: 'grid';
      /** Prefix of the ids the table's `headers` attributes refer to; unique in the mail. */
      id: string;
      heading: string;
      /** The figure columns' headers; a row's name (with `rowHeaders`) is not a column. */
      columns: string[];
      /** The first cell of each row names it (a row header); otherwise all cells are data. */
      rowHeaders: boolean;
      groups: { title?: string; rows: Cell[][] }[];
      note?: string;
    }
  | {
      kind: 'chart';
      heading: string;
      cid: string;
      width: number;
      alt: string;
      caption: string;
      lines: string[];
    }
  | { kind: 'prose'; heading?: string; text: string }
  /** Entries of a title (text as written, escaped) and a few short lines each: reads at 320 px as in plain text. */
  | { kind: 'items'; heading: string; intro?: string; items: { title: string; lines: string[] }[] }
  | { kind: 'link'; label: string; href: string };

const H2 = 'font-size:18px;line-height:1.3;margin:28px 0 8px;color:#1a1a1a';
const TABLE = 'border-collapse:collapse;width:100%;font-size:15px;line-height:1.4';
const CELL = 'padding:6px 6px;border-bottom:1px solid #d0d0d0;vertical-align:top;word-break:break-word';
const SMALL = 'font-size:13px;line-height:1.45;color:#444444;margin:8px 0 0';

const cellContent = (cell: Cell) =>
  cell.withheld
    ? html`<abbr title="${cell.withheld}" style="text-decoration:none">–</abbr>`
    : cell.strong
      ? html`<strong>${cell.text}</strong>`
      : cell.text;

/**
 * A grid with named rows puts each name on a row of its own, above its figures: five figure columns then fit
 * 320 px, where a name column beside them would be squeezed to a letter a line. The `headers` attributes tie
 * each figure to its column, group and row name for screen readers.
 */
function gridHtml(section: Extract<Section, { kind: 'grid' }>): SafeHtml {
  const span = section.columns.length;
  const id = section.id;
  const head = html`<tr>${section.columns.map(
    (column, index) =>
      html`<th scope="col" id="${id}-c${index}" style="padding:6px 6px;border-bottom:2px solid #1a1a1a;font-size:13px;vertical-align:bottom;text-align:${section.rowHeaders ? 'right' : 'left'}">${column}</th>`,
  )}</tr>`;
  const plainRow = (cells: Cell[]) =>
    html`<tr>${cells.map((cell) => html`<td style="${CELL}">${cellContent(cell)}</td>`)}</tr>`;
  const namedRow = (cells: Cell[], group: string, row: string) => {
    const [name, ...figures] = cells as [Cell, ...Cell[]];
    return html`<tr><th id="${row}" headers="${group}" colspan="${span}" style="padding:8px 6px 0;text-align:left;font-weight:normal">${cellContent(name)}</th></tr>
<tr>${figures.map(
      (cell, index) =>
        html`<td headers="${id}-c${index} ${group} ${row}" style="${CELL};text-align:right;white-space:nowrap${cell.shade ? `;background:${cell.shade}` : ''}">${cellContent(cell)}</td>`,
    )}</tr>`;
  };
  const groups = section.groups.map((group, g) => {
    const groupId = `${id}-g${g}`;
    return html`${group.title ? html`<tr><th id="${groupId}" colspan="${span}" style="padding:14px 6px 2px;text-align:left;font-size:15px;border-bottom:1px solid #d0d0d0">${group.title}</th></tr>` : ''}${group.rows.map(
      (cells, r) => (section.rowHeaders ? namedRow(cells, groupId, `${groupId}-r${r}`) : plainRow(cells)),
    )}`;
  });
  return html`<h2 style="${H2}">${section.heading}</h2>
<table cellpadding="0" cellspacing="0" style="${TABLE};font-size:14px">${head}${groups}</table>
${section.note ? html`<p style="${SMALL}">${section.note}</p>` : ''}`;
}

function sectionHtml(section: Section): SafeHtml {
  switch (section.kind) {
    case 'figures':
      return html`${section.heading ? html`<h2 style="${H2}">${section.heading}</h2>` : ''}
<table cellpadding="0" cellspacing="0" style="${TABLE}">${section.rows.map(
        (row) =>
          html`<tr><th scope="row" style="${CELL};text-align:left;font-weight:normal">${row.label}</th><td style="${CELL};text-align:right;font-weight:bold${row.value.length <= 16 ? ';white-space:nowrap' : ''}">${row.value}</td></tr>`,
      )}</table>`;
    case 'grid':
      return gridHtml(section);
    case 'chart':
      return html`<h2 style="${H2}">${section.heading}</h2>
<img src="cid:${section.cid}" width="${section.width}" alt="${section.alt}" style="display:block;width:100%;max-width:${section.width}px;height:auto;border:1px solid #d0d0d0;background:#ffffff">
<p style="${SMALL}">${section.caption}</p>`;
    case 'prose':
      return html`${section.heading ? html`<h2 style="${H2}">${section.heading}</h2>` : ''}<p style="margin:8px 0">${section.text}</p>`;
    case 'items':
      return html`<h2 style="${H2}">${section.heading}</h2>
${section.intro ? html`<p style="${SMALL};margin:0 0 8px">${section.intro}</p>` : ''}${section.items.map(
  (item) =>
    html`<div style="padding:8px 0;border-bottom:1px solid #d0d0d0;font-size:15px;line-height:1.4;word-break:break-word"><strong>${item.title}</strong>${item.lines.map((line) => html`<br>${line}`)}</div>`,
)}`;
    case 'link':
      return html`<p style="font-size:15px;margin:28px 0 0"><a href="${section.href}" style="color:#0b5394;word-break:break-all">${section.label}</a></p>`;
  }
}

export function sectionsHtml(sections: Section[]): SafeHtml {
  return html`${sections.map((section) => html`${sectionHtml(section)}\n`)}`;
}

function sectionText(section: Section): string[] {
  switch (section.kind) {
    case 'figures':
      return [
        ...(section.heading ? [`${section.heading}:`] : []),
        ...section.rows.map((r) => `${r.label}: ${r.value}`),
      ];
    case 'grid': {
      const line = (cells: Cell[]) =>
        section.rowHeaders
          ? `- ${cells[0]?.text}: ${cells
              .slice(1)
              .map((c) => c.text)
              .join(' | ')}`
          : cells.map((c) => c.text).join(' | ');
      return [
        `${section.heading} (${section.columns.map((c) => c.replaceAll('\u00ad', '')).join(' | ')}):`,
        ...section.groups.flatMap((group) => [
          ...(group.title ? [`${group.title}:`] : []),
          ...group.rows.map(line),
        ]),
        ...(section.note ? [section.note] : []),
      ];
    }
    case 'chart':
      return [`${section.heading}:`, ...section.lines, section.caption];
    case 'prose':
      return [...(section.heading ? [`${section.heading}:`] : []), section.text];
    case 'items':
      return [
        `${section.heading}:`,
        ...(section.intro ? [section.intro] : []),
        ...section.items.flatMap((item) => [`- ${item.title}`, ...item.lines.map((line) => `  ${line}`)]),
      ];
    case 'link':
      return [`${section.label}: ${section.href}`];
  }
}

export function sectionsText(title: string, sections: Section[]): string {
  return [title, ...sections.flatMap((section) => ['', ...sectionText(section)]), ''].join('\n');
}
