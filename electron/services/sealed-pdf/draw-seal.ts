/**
 * Draws a seal on a PDF page with pdf-lib primitives from the same geometry the seal's SVG
 * picture is made of (shared/seal): the ring, the star as a path, and every character placed
 * and turned by its own transformation matrix, in solid seal red.
 */
import { concatTransformationMatrix, type PDFFont, type PDFPage, popGraphicsState, pushGraphicsState, rgb } from 'pdf-lib';
import type { SealGeometry } from '../../../shared/seal/seal-picture';
import { MM } from './page-flow';

export type SealFonts = { regular: PDFFont; bold: PDFFont };

/** Draws `seal` centred on (cx, cy), in points from the page's bottom left. */
export function drawSeal(page: PDFPage, seal: SealGeometry, cx: number, cy: number, fonts: SealFonts): void {
  const [r, g, b] = seal.color.rgb;
  const red = rgb(r, g, b);
  page.drawCircle({ x: cx, y: cy, size: seal.ring.radius * MM, borderWidth: seal.ring.strokeWidth * MM, borderColor: red });

  // Seal geometry has y pointing down, as drawSvgPath expects; (cx, cy) becomes its origin.
  const [start, ...rest] = seal.star.points;
  if (start) {
    const path = `M${start.x} ${start.y}${rest.map((p) => `L${p.x} ${p.y}`).join('')}Z`;
    page.drawSvgPath(path, { x: cx, y: cy, scale: MM, color: red });
  }

  for (const glyph of seal.glyphs) {
    const font = glyph.bold ? fonts.bold : fonts.regular;
    const angle = (glyph.rotateDeg * Math.PI) / 180;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    // Glyph space (millimetres, y up, baseline centre at 0,0) → seal space (scale x, turn
    // clockwise, move to the glyph's place; y down) → page points (y up, origin at cx, cy).
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(MM * cos * glyph.scaleX, -MM * sin * glyph.scaleX, MM * sin, MM * cos, cx + MM * glyph.x, cy - MM * glyph.y),
    );
    const width = font.widthOfTextAtSize(glyph.char, glyph.fontSize);
    page.drawText(glyph.char, { x: -width / 2, y: 0, size: glyph.fontSize, font, color: red });
    page.pushOperators(popGraphicsState());
  }
}
