import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Digest } from '../../../shared/crypto/digest';
import { loadOpinionFonts, type OpinionFonts } from './fonts';
import { opinionPdfDigest, renderOpinionPdf } from './render-opinion';
import { sampleOpinionInput } from './testing';

/** Set OPINION_RENDER_DIR to keep the PDFs and page images for a person to look at. */
const KEEP = process.env.OPINION_RENDER_DIR ?? '';

const has = (tool: string): boolean => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const PDFTOTEXT = has('pdftotext');
const PDFTOPPM = has('pdftoppm');

const LONG_COMMENT = Array.from(
  { length: 14 },
  (_, i) =>
    `第${i + 1}段：审核人逐项核对了数据字典、字段分级和脱敏方式，确认身份证号码、手机号码等个人信息字段均按策略要求处理，` +
    '统计表中的小单元格已合并或抑制，准标识符组合满足 k 匿名要求，未发现可由可逆算法还原原始数据的情形。',
).join('\n');

let fonts: OpinionFonts;
let dir: string;

beforeAll(async () => {
  fonts = await loadOpinionFonts();
  dir = KEEP || mkdtempSync(join(tmpdir(), 'opinion-pdf-'));
  mkdirSync(dir, { recursive: true });
});

afterAll(() => {
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
});

function save(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function text(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** A PPM (P6) image: width, height and RGB bytes. */
function readPpm(file: string): { width: number; height: number; rgb: Buffer } {
  const data = readFileSync(file);
  const header: string[] = [];
  let offset = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(data[offset]!))) offset += 1;
    if (data[offset] === 0x23) {
      while (data[offset] !== 0x0a) offset += 1;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[offset]!))) token += String.fromCharCode(data[offset++]!);
    header.push(token);
  }
  expect(header[0]).toBe('P6');
  return { width: Number(header[1]), height: Number(header[2]), rgb: data.subarray(offset + 1) };
}

/** Seal-red pixels (strong red, little green and blue) in a region given as fractions of the page. */
function redPixels(image: { width: number; height: number; rgb: Buffer }, region: { x0: number; x1: number; y0: number; y1: number }): number {
  let count = 0;
  for (let y = Math.floor(region.y0 * image.height); y < region.y1 * image.height; y += 1) {
    for (let x = Math.floor(region.x0 * image.width); x < region.x1 * image.width; x += 1) {
      const i = (y * image.width + x) * 3;
      const [r, g, b] = [image.rgb[i]!, image.rgb[i + 1]!, image.rgb[i + 2]!];
      if (r > 150 && g < 90 && b < 100) count += 1;
    }
  }
  return count;
}

/** Renders every page to PPM and PNG at 80 dpi with pdftoppm; returns the PPM files in page order. */
function renderPages(pdf: string, prefix: string): string[] {
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(dir, prefix)]);
  execFileSync('pdftoppm', ['-r', '80', pdf, join(dir, prefix)]);
  const pngs = readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'));
  expect(pngs.length).toBeGreaterThan(0);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.ppm'))
    .sort()
    .map((f) => join(dir, f));
}

describe('renderOpinionPdf', () => {
  it('gives identical bytes for the same input, and different bytes sealed and unsealed', async () => {
    const a = await renderOpinionPdf(sampleOpinionInput(), { fonts });
    const b = await renderOpinionPdf(sampleOpinionInput(), { fonts });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const unsealed = await renderOpinionPdf(sampleOpinionInput({ seal: null }), { fonts });
    expect(Buffer.from(unsealed).equals(Buffer.from(a))).toBe(false);
    expect(await opinionPdfDigest(a)).toBe(await sm3Digest(b));
    expect(await opinionPdfDigest(a)).toMatch(/^sm3:[0-9a-f]{64}$/);
  });

  it('is small: the Noto Serif SC fonts are embedded as subsets', async () => {
    const bytes = await renderOpinionPdf(sampleOpinionInput(), { fonts });
    expect(bytes.length).toBeLessThan(200_000);

    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const fontsFound: { name: string; fontFile: number }[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
      const name = object.get(PDFName.of('FontName'))!.toString();
      const stream = doc.context.lookup(object.get(PDFName.of('FontFile2')));
      expect(stream, `${name} has an embedded TrueType file`).toBeInstanceOf(PDFRawStream);
      const file = decodePDFRawStream(stream as PDFRawStream).decode();
      fontsFound.push({ name, fontFile: file.length });
      // Every glyph of the subset reads back as an outline (fontkit 1.1.1's short-loca bug
      // turned most of them into garbage; see subset-safe-fontkit.ts).
      const subset = fontkit.create(Buffer.from(file)) as unknown as { numGlyphs: number; getGlyph(id: number): { _decode(): { numberOfContours: number } | null } };
      for (let id = 1; id < subset.numGlyphs; id += 1) {
        const contours = subset.getGlyph(id)._decode()?.numberOfContours ?? 0;
        expect(contours, `${name} glyph ${id}`).toBeGreaterThanOrEqual(-1);
        expect(contours, `${name} glyph ${id}`).toBeLessThan(200);
      }
    }
    expect(fontsFound).toHaveLength(2);
    expect(fontsFound.map((f) => f.name)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\/[A-Z]{6}\+NotoSerifSC-Bold$/),
      expect.stringMatching(/^\/[A-Z]{6}\+NotoSerifSC-Regular$/),
    ]));
    for (const f of fontsFound) expect(f.fontFile).toBeLessThan(200_000);
    expect(doc.getProducer()).toBe('Export Review Workstation (pdf-lib 1.17.1)');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });

  it('refuses an input it cannot make a document from, naming the field', async () => {
    await expect(renderOpinionPdf(sampleOpinionInput({ issuedDate: '27/11/2026' }), { fonts })).rejects.toThrow(/issuedDate/);
  });

  describe.skipIf(!PDFTOTEXT)('text (pdftotext)', () => {
    it('holds the outcome in Chinese, the candidate id and the digests as extractable text', async () => {
      const input = sampleOpinionInput();
      const bytes = await renderOpinionPdf(input, { fonts });
      const extracted = text(save('text.pdf', bytes));
      const flat = extracted.replace(/\s+/g, '');
      expect(extracted).toContain('出域审核意见书');
      expect(extracted).toContain('附条件同意出域');
      expect(extracted).toContain(input.candidate.id);
      for (const digest of [input.candidate.digest, input.policy.digest, input.decisionDigest]) expect(flat).toContain(digest);
      expect(extracted).toContain('浙江省数据局（样例）');
      // The seal is a picture: its characters are outlines, not text that would mix into the page's.
      expect(flat).not.toContain('合同专用章');
      expect(text(save('text-unsealed.pdf', await renderOpinionPdf({ ...input, seal: null }, { fonts })))).toBe(extracted);
      expect(extracted).toContain('2026年11月27日');
      const pages = (await PDFDocument.load(bytes)).getPageCount();
      expect(flat).toContain(`第${pages}页共${pages}页`);
    });

    it('states a plain approval by one reviewer without conditions or acknowledgements', async () => {
      const input = sampleOpinionInput({
        outcome: 'approve',
        conditions: [],
        comment: '',
        findings: { block: 0, warn: 0, info: 0, acknowledged: [] },
        reviewers: { first: sampleOpinionInput().reviewers.first, second: null },
      });
      const flat = text(save('short.pdf', await renderOpinionPdf(input, { fonts }))).replace(/\s+/g, '');
      expect(flat).toContain('经审核，结论为：同意出域。');
      expect(flat).not.toContain('附条件');
      expect(flat).not.toContain('复核人');
      expect(flat).toContain('三、审核意见无。');
      expect(flat).toContain('发现阻断项0项、警告0项、提示0项。无需确认的警告。');
    });

    it('wraps a long comment onto further pages, numbered 第 i 页 共 N 页', async () => {
      const bytes = await renderOpinionPdf(sampleOpinionInput({ comment: LONG_COMMENT, outcome: 'return', conditions: [] }), { fonts });
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
      const extracted = text(save('long-return.pdf', bytes));
      expect(extracted).toContain('退回修改');
      // Every paragraph made it, whole, in order.
      const flat = extracted.replace(/\s+/g, '');
      expect(flat).toContain(`第${doc.getPageCount()}页共${doc.getPageCount()}页`);
      let from = 0;
      for (const paragraph of LONG_COMMENT.split('\n')) {
        const at = flat.indexOf(paragraph.replace(/\s+/g, ''), from);
        expect(at).toBeGreaterThan(-1);
        from = at;
      }
    });
  });

  describe.skipIf(!PDFTOPPM)('page images (pdftoppm)', () => {
    const sealArea = { x0: 0.45, x1: 1, y0: 0.45, y1: 1 };

    it('shows the red seal in the lower right of the last page when sealed, and none unsealed', async () => {
      const sealed = renderPages(save('sealed.pdf', await renderOpinionPdf(sampleOpinionInput(), { fonts })), 'sealed');
      const last = readPpm(sealed.at(-1)!);
      expect(redPixels(last, sealArea)).toBeGreaterThan(2000);
      expect(redPixels(last, { x0: 0, x1: 0.45, y0: 0, y1: 1 })).toBe(0);
      for (const page of sealed.slice(0, -1)) expect(redPixels(readPpm(page), { x0: 0, x1: 1, y0: 0, y1: 1 })).toBe(0);

      const unsealed = renderPages(save('unsealed.pdf', await renderOpinionPdf(sampleOpinionInput({ seal: null }), { fonts })), 'unsealed');
      expect(unsealed).toHaveLength(sealed.length);
      for (const page of unsealed) expect(redPixels(readPpm(page), { x0: 0, x1: 1, y0: 0, y1: 1 })).toBe(0);
    });

    it('puts the seal on the last page of a long document', async () => {
      const pages = renderPages(save('long.pdf', await renderOpinionPdf(sampleOpinionInput({ comment: LONG_COMMENT }), { fonts })), 'long');
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(redPixels(readPpm(pages.at(-1)!), { x0: 0.45, x1: 1, y0: 0, y1: 1 })).toBeGreaterThan(2000);
      for (const page of pages.slice(0, -1)) expect(redPixels(readPpm(page), { x0: 0, x1: 1, y0: 0, y1: 1 })).toBe(0);
    });
  });
});
