/**
 * Writes a seal's geometry as SVG text: the picture stored in the seal definition
 * (FORMATS.md §4, `picture {type: "SVG"}`). The output is byte-for-byte deterministic, so the
 * picture's digest is stable, and every name is XML-escaped.
 */
import type { SealGeometry, SealGlyph } from './seal-geometry';

/** CJK serif (Song) faces first, so the seal reads like one cut in 宋体 wherever it is shown. */
export const SEAL_FONT_FAMILY = "'Noto Serif CJK SC', 'Noto Serif SC', 'Songti SC', STSong, SimSun, serif";

/** Escapes text for an XML text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A number as SVG writes it: at most four decimals, no trailing zeros, never "-0". */
function num(value: number): string {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

function glyphElement(glyph: SealGlyph): string {
  const transform = [`translate(${num(glyph.x)} ${num(glyph.y)})`];
  if (glyph.rotateDeg !== 0) transform.push(`rotate(${num(glyph.rotateDeg)})`);
  if (glyph.scaleX !== 1) transform.push(`scale(${num(glyph.scaleX)} 1)`);
  const weight = glyph.bold ? ' font-weight="700"' : '';
  return `<text transform="${transform.join(' ')}" font-size="${num(glyph.fontSize)}"${weight}>${escapeXml(glyph.char)}</text>`;
}

/** The SVG document of a seal, sized in millimetres, centred on its own origin. */
export function sealSvg(geometry: SealGeometry): string {
  const half = geometry.diameterMm / 2;
  const { hex } = geometry.color;
  const points = geometry.star.points.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(geometry.diameterMm)}mm" height="${num(geometry.diameterMm)}mm" viewBox="${num(-half)} ${num(-half)} ${num(geometry.diameterMm)} ${num(geometry.diameterMm)}">`,
    `<title>${escapeXml(geometry.text.name)}</title>`,
    `<circle cx="0" cy="0" r="${num(geometry.ring.radius)}" fill="none" stroke="${hex}" stroke-width="${num(geometry.ring.strokeWidth)}"/>`,
    `<polygon points="${points}" fill="${hex}"/>`,
    `<g fill="${hex}" font-family="${escapeXml(SEAL_FONT_FAMILY)}" text-anchor="middle">`,
    ...geometry.glyphs.map(glyphElement),
    '</g>',
    '</svg>',
  ];
  return `${lines.join('\n')}\n`;
}
