/**
 * Draws a seal on a PDF page with pdf-lib primitives from the same geometry the seal's SVG
 * picture is made of (shared/seal): the ring, the star as a path, and every character as its
 * glyph outline, placed and turned by its own transformation matrix, in solid seal red. The
 * characters are outlines, not text: the seal is a picture, and as text its characters would
 * mix into the authority line when the document is searched, copied or read aloud.
 */
import { concatTransformationMatrix, type PDFDocument, type PDFPage, popGraphicsState, pushGraphicsState, rgb } from 'pdf-lib';
import type { SealGeometry } from '../../../shared/seal/seal-picture';
import { MM } from './page-flow';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** What fontkit gives for one laid-out glyph (its typings leave these out). */
type PathCommand = { command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'; args: number[] };
type OutlineGlyph = { path: { commands: PathCommand[] } };

/** A font the seal's characters are drawn from: fontkit's parsed font. */
export type OutlineFont = {
  unitsPerEm: number;
  layout(text: string): { glyphs: unknown[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
};

export type SealFonts = { regular: OutlineFont; bold: OutlineFont };

/** Parses a font file for outlines; the parse is lazy, so only the glyphs drawn are read. */
export function outlineFont(fontkit: Fontkit, bytes: Uint8Array): OutlineFont {
  return fontkit.create(bytes);
}

const num = (value: number): string => {
  const rounded = Math.round(value * 100) / 100; // 0.01 mm is finer than any printer
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

/**
 * The SVG path of `text` set at `size` (mm): baseline centred on the origin, y pointing down as
 * drawSvgPath expects.
 */
export function glyphPath(font: OutlineFont, text: string, size: number): string {
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  const width = run.positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
  let pen = 0;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i]!;
    const x = (fx: number) => num((pen + position.xOffset + fx) * scale - width / 2);
    const y = (fy: number) => num(-(position.yOffset + fy) * scale);
    for (const { command, args: a } of (glyph as OutlineGlyph).path.commands) {
      switch (command) {
        case 'moveTo':
          parts.push(`M${x(a[0]!)} ${y(a[1]!)}`);
          break;
        case 'lineTo':
          parts.push(`L${x(a[0]!)} ${y(a[1]!)}`);
          break;
        case 'quadraticCurveTo':
          parts.push(`Q${x(a[0]!)} ${y(a[1]!)} ${x(a[2]!)} ${y(a[3]!)}`);
          break;
        case 'bezierCurveTo':
          parts.push(`C${x(a[0]!)} ${y(a[1]!)} ${x(a[2]!)} ${y(a[3]!)} ${x(a[4]!)} ${y(a[5]!)}`);
          break;
        case 'closePath':
          parts.push('Z');
          break;
      }
    }
    pen += position.xAdvance;
  });
  return parts.join('');
}

/** Draws `seal` centred on (cx, cy), in points from the page's bottom left. */
export function drawSeal(page: PDFPage, seal: SealGeometry, cx: number, cy: number, fonts: SealFonts): void {
  const [r, g, b] = seal.color.rgb;
  const red = rgb(r, g, b);
  page.drawCircle({ x: cx, y: cy, size: seal.ring.radius * MM, borderWidth: seal.ring.strokeWidth * MM, borderColor: red });

  // Seal geometry has y pointing down, as drawSvgPath expects; (cx, cy) becomes its origin.
  const [start, ...rest] = seal.star.points;
  if (start) {
    const path = `M${num(start.x)} ${num(start.y)}${rest.map((p) => `L${num(p.x)} ${num(p.y)}`).join('')}Z`;
    page.drawSvgPath(path, { x: cx, y: cy, scale: MM, color: red });
  }

  for (const glyph of seal.glyphs) {
    const path = glyphPath(glyph.bold ? fonts.bold : fonts.regular, glyph.char, glyph.fontSize);
    if (path === '') continue;
    const angle = (glyph.rotateDeg * Math.PI) / 180;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    // Glyph space (millimetres, y up, baseline centre at 0,0) → seal space (scale x, turn
    // clockwise, move to the glyph's place; y down) → page points (y up, origin at cx, cy).
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(MM * cos * glyph.scaleX, -MM * sin * glyph.scaleX, MM * sin, MM * cos, cx + MM * glyph.x, cy - MM * glyph.y),
    );
    page.drawSvgPath(path, { x: 0, y: 0, scale: 1, color: red });
    page.pushOperators(popGraphicsState());
  }
}
