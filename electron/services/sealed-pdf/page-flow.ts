/**
 * Sets text down A4 pages top to bottom for the 意见书: wrapped paragraphs, headings and a
 * two-column facts table, starting a new page when the next line or table row does not fit, and
 * numbering the pages 第 i 页 共 N 页 once all are laid out.
 */
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { type Measure, wrapParagraph } from './wrap-text';

export const MM = 72 / 25.4;

/** A4 in points, with a 36-character (12 pt) text block centred across the page. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  contentWidth: 432,
  left: (595.28 - 432) / 2,
  top: 32 * MM,
  bottom: 28 * MM,
  /** Baseline of the page number, from the bottom edge. */
  footerBaseline: 16 * MM,
} as const;

export type FlowFonts = { regular: PDFFont; bold: PDFFont };
export type FontName = keyof FlowFonts;

export type TextStyle = {
  font: FontName;
  size: number;
  lineHeight: number;
  align?: 'left' | 'center' | 'right';
  /** Left indent of every line, and extra indent of the first line (首行缩进). */
  indent?: number;
  firstIndent?: number;
};

/** One paragraph of a table cell, in its own font and size. */
export type CellPart = { text: string; font?: FontName; size?: number };
export type TableRow = { label: string; value: CellPart[] };

const BLACK = rgb(0, 0, 0);
const RULE = rgb(0.25, 0.25, 0.25);

/** Ink of a CJK glyph spans −0.09…0.85 em; its middle is this far above the baseline. */
const INK_MIDDLE = 0.38;

type Line = { text: string; font: FontName; size: number; height: number; x: number };

export class PageFlow {
  readonly pages: PDFPage[] = [];
  /** The top of the next line box on the current page, in PDF points from the bottom. */
  y = 0;
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: FlowFonts,
  ) {
    this.newPage();
  }

  get page(): PDFPage {
    return this.pages.at(-1)!;
  }

  newPage(): void {
    this.pages.push(this.doc.addPage([PAGE.width, PAGE.height]));
    this.y = PAGE.height - PAGE.top;
  }

  /** Room left on the current page, in points. */
  get room(): number {
    return this.y - PAGE.bottom;
  }

  /** Starts a new page unless `height` still fits on this one; true when it did. */
  ensure(height: number): boolean {
    if (height <= this.room) return false;
    this.newPage();
    return true;
  }

  /** Vertical space; never carried over to the top of a new page. */
  space(height: number): void {
    this.y = Math.max(this.y - height, PAGE.bottom);
  }

  measure(font: FontName, size: number): Measure {
    return (text) => {
      const key = `${font}\u0000${text}`;
      let width = this.widths.get(key);
      if (width === undefined) {
        width = this.fonts[font].widthOfTextAtSize(text, 1000);
        this.widths.set(key, width);
      }
      return (width * size) / 1000;
    };
  }

  /** Draws one line with its baseline placed so the CJK ink sits in the middle of the line box. */
  drawLine(text: string, x: number, top: number, style: { font: FontName; size: number; lineHeight: number }, color = BLACK): void {
    if (text === '') return;
    const baseline = top - style.lineHeight / 2 - INK_MIDDLE * style.size;
    this.page.drawText(text, { x, y: baseline, size: style.size, font: this.fonts[style.font], color });
  }

  /** A wrapped paragraph, broken across pages line by line. */
  paragraph(text: string, style: TextStyle): void {
    const indent = style.indent ?? 0;
    const firstIndent = style.firstIndent ?? 0;
    const width = PAGE.contentWidth - indent;
    const measure = this.measure(style.font, style.size);
    const lines = wrapParagraph(text, width, measure, width - firstIndent);
    lines.forEach((line, i) => {
      this.ensure(style.lineHeight);
      const lineIndent = indent + (i === 0 ? firstIndent : 0);
      const lineWidth = measure(line);
      const x =
        style.align === 'center'
          ? PAGE.left + (PAGE.contentWidth - lineWidth) / 2
          : style.align === 'right'
            ? PAGE.left + PAGE.contentWidth - lineWidth
            : PAGE.left + lineIndent;
      this.drawLine(line, x, this.y, style);
      this.y -= style.lineHeight;
    });
  }

  /**
   * A two-column table (label | value) with ruled cells. A row moves to the next page when it
   * does not fit; a row taller than a page is split between lines.
   */
  table(rows: TableRow[], options: { labelWidth: number; size: number; lineHeight: number; padding: number }): void {
    const { labelWidth, padding } = options;
    const valueWidth = PAGE.contentWidth - labelWidth;
    const innerLabel = labelWidth - 2 * padding;
    const innerValue = valueWidth - 2 * padding;
    let first = true;
    for (const row of rows) {
      const labelLines = this.cellLines([{ text: row.label, font: 'bold' }], innerLabel, options);
      const valueLines = this.cellLines(row.value, innerValue, options);
      let start = 0;
      const total = Math.max(valueLines.length, 1);
      while (start < total) {
        const full = 2 * padding + Math.max(sum(labelLines), sum(valueLines.slice(start)));
        if (full > this.room && start === 0 && full <= PAGE.height - PAGE.top - PAGE.bottom) {
          this.newPage();
          first = true;
        }
        // As many value lines as fit (at least one, on a fresh page).
        let end = start;
        let height = 0;
        while (end < valueLines.length && 2 * padding + height + valueLines[end]!.height <= this.room) {
          height += valueLines[end]!.height;
          end += 1;
        }
        if (end === start && valueLines.length > 0) {
          this.newPage();
          first = true;
          continue;
        }
        const shownLabel = start === 0 ? labelLines : [];
        const rowHeight = 2 * padding + Math.max(height, sum(shownLabel));
        this.drawRow(shownLabel, valueLines.slice(start, end), rowHeight, labelWidth, padding, first);
        this.y -= rowHeight;
        first = false;
        start = Math.max(end, start + 1);
      }
    }
  }

  private cellLines(parts: CellPart[], width: number, options: { size: number; lineHeight: number }): Line[] {
    return parts.flatMap((part) => {
      const font = part.font ?? 'regular';
      const size = part.size ?? options.size;
      const height = (options.lineHeight * size) / options.size;
      return wrapParagraph(part.text, width, this.measure(font, size)).map((text) => ({ text, font, size, height, x: 0 }));
    });
  }

  private drawRow(label: Line[], value: Line[], height: number, labelWidth: number, padding: number, topRule: boolean): void {
    const top = this.y;
    const bottom = top - height;
    const left = PAGE.left;
    const right = PAGE.left + PAGE.contentWidth;
    const line = (x1: number, y1: number, x2: number, y2: number) =>
      this.page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.6, color: RULE });
    if (topRule) line(left, top, right, top);
    line(left, bottom, right, bottom);
    line(left, top, left, bottom);
    line(left + labelWidth, top, left + labelWidth, bottom);
    line(right, top, right, bottom);
    let y = top - padding;
    for (const l of label) {
      this.drawLine(l.text, left + padding, y, { font: l.font, size: l.size, lineHeight: l.height });
      y -= l.height;
    }
    y = top - padding;
    for (const l of value) {
      this.drawLine(l.text, left + labelWidth + padding, y, { font: l.font, size: l.size, lineHeight: l.height });
      y -= l.height;
    }
  }

  /** Numbers every page 第 i 页 共 N 页, centred at the foot. */
  numberPages(size: number): void {
    const measure = this.measure('regular', size);
    const count = this.pages.length;
    this.pages.forEach((page, i) => {
      const text = `第 ${i + 1} 页 共 ${count} 页`;
      page.drawText(text, {
        x: PAGE.left + (PAGE.contentWidth - measure(text)) / 2,
        y: PAGE.footerBaseline,
        size,
        font: this.fonts.regular,
        color: BLACK,
      });
    });
  }
}

function sum(lines: Line[]): number {
  return lines.reduce((total, line) => total + line.height, 0);
}
