import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PAGE, PageFlow } from './page-flow';

async function flow(): Promise<PageFlow> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  return new PageFlow(doc, { regular, bold });
}

const STYLE = { font: 'regular', size: 12, lineHeight: 22 } as const;
const TABLE = { labelWidth: 84, size: 10.5, lineHeight: 16, padding: 5 };
const sentence = 'The reviewer checked every field against the policy and found nothing to block the export. ';

describe('PageFlow', () => {
  it('starts a new page when the next line does not fit, and stays inside the margins', async () => {
    const f = await flow();
    for (let i = 0; i < 12; i += 1) f.paragraph(sentence.repeat(8), STYLE);
    expect(f.pages.length).toBeGreaterThan(1);
    expect(f.y).toBeGreaterThanOrEqual(PAGE.bottom);
    expect(f.y).toBeLessThanOrEqual(PAGE.height - PAGE.top);
  });

  it('moves a table row that does not fit to the next page', async () => {
    const f = await flow();
    while (f.room > 40) f.paragraph('filler', STYLE);
    const pages = f.pages.length;
    f.table([{ label: 'Product', value: [{ text: 'line one' }, { text: 'line two' }, { text: 'line three' }] }], TABLE);
    expect(f.pages.length).toBe(pages + 1);
  });

  it('splits a table row taller than a page between its lines', async () => {
    const f = await flow();
    f.table([{ label: 'Comment', value: Array.from({ length: 120 }, (_, i) => ({ text: `line ${i + 1}` })) }], TABLE);
    expect(f.pages.length).toBeGreaterThanOrEqual(3);
    expect(f.y).toBeGreaterThanOrEqual(PAGE.bottom);
  });
});
