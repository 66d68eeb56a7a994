/**
 * Renders the 出域审核意见书 to PDF bytes with pdf-lib: A4, Chinese text in the embedded and
 * subsetted Noto Serif SC, the seal drawn over the authority line when one is given. The bytes
 * depend only on the input (dates from the issue date, fixed producer, subset tags and file ID
 * derived from the input's digest), so the SM3 a seal-application record signs is reproducible.
 */
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { sm3Digest } from '../../../shared/crypto/digest';
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { outlineFont, type OutlineFont, type SealFonts } from './draw-seal';
import { loadOpinionFonts, type OpinionFonts } from './fonts';
import type { OpinionDocumentInput } from './opinion-input';
import { layOutOpinion } from './opinion-layout';
import { PageFlow } from './page-flow';
import { subsetSafeFontkit } from './subset-safe-fontkit';

export const PDF_PRODUCER = 'Export Review Workstation (pdf-lib 1.17.1)';
export const PDF_CREATOR = 'Export Review Workstation';

export type RenderOpinionOptions = {
  /** The font files; read from the installed fonts (./fonts) when not given. */
  fonts?: OpinionFonts;
};

/** Parsed fonts for the seal's outlines, kept per font file (parsing is lazy but not free). */
const outlines = new WeakMap<Uint8Array, OutlineFont>();

function sealFonts(fonts: OpinionFonts): SealFonts {
  const get = (bytes: Uint8Array) => {
    let font = outlines.get(bytes);
    if (!font) {
      font = outlineFont(subsetSafeFontkit, bytes);
      outlines.set(bytes, font);
    }
    return font;
  };
  return { regular: get(fonts.regular), bold: get(fonts.bold) };
}

/** Throws an error naming the field when the input cannot make a document. */
function checkInput(input: OpinionDocumentInput): void {
  const problems: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.issuedDate) || Number.isNaN(Date.parse(`${input.issuedDate}T00:00:00+08:00`))) {
    problems.push(`issuedDate: expected YYYY-MM-DD, got "${input.issuedDate}"`);
  }
  if (input.title.trim() === '') problems.push('title: empty');
  if (input.authorityName.trim() === '') problems.push('authorityName: empty');
  for (const key of ['block', 'warn', 'info'] as const) {
    const count = input.findings[key];
    if (!Number.isInteger(count) || count < 0) problems.push(`findings.${key}: expected a count, got ${String(count)}`);
  }
  if (problems.length > 0) throw new Error(`Cannot render the decision document: ${problems.join('; ')}`);
}

/** A PDF subset tag (six capital letters) from hex digits, distinct per `salt`. */
function subsetTag(hex: string, salt: number): string {
  let tag = '';
  for (let i = 0; i < 6; i += 1) tag += String.fromCharCode(65 + (parseInt(hex.slice((salt * 6 + i) * 2, (salt * 6 + i) * 2 + 2), 16) % 26));
  return tag;
}

/** The 出域审核意见书 for `input` as PDF bytes; the same input always gives the same bytes. */
export async function renderOpinionPdf(input: OpinionDocumentInput, options: RenderOpinionOptions = {}): Promise<Uint8Array> {
  checkInput(input);
  const fonts = options.fonts ?? (await loadOpinionFonts());
  const inputHex = (await canonicalSm3(input)).slice('sm3:'.length);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(subsetSafeFontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true, customName: `${subsetTag(inputHex, 0)}+NotoSerifSC-Regular` });
  const bold = await doc.embedFont(fonts.bold, { subset: true, customName: `${subsetTag(inputHex, 1)}+NotoSerifSC-Bold` });

  const issued = new Date(`${input.issuedDate}T00:00:00+08:00`);
  doc.setTitle(`${input.title} ${input.candidate.id}`, { showInWindowTitleBar: true });
  doc.setSubject(`${input.productName}（${input.candidate.id} 第 ${input.candidate.revision} 版）`);
  doc.setAuthor(input.authorityName);
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(PDF_PRODUCER);
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('zh-CN'));
  // The file identifier is derived from the input, not random, so equal inputs give equal bytes.
  const id = PDFHexString.of(inputHex.slice(0, 32).toUpperCase());
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);

  const flow = new PageFlow(doc, { regular, bold });
  layOutOpinion(flow, input, input.seal ? sealFonts(fonts) : null);
  flow.numberPages(10.5);

  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}

/** `sm3:<hex>` of the document's bytes: what the seal-application record's tbsSign.dataHash holds. */
export function opinionPdfDigest(bytes: Uint8Array): Promise<string> {
  return sm3Digest(bytes);
}
