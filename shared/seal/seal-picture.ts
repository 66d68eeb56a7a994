/**
 * The picture of a round contract seal (合同专用章): its geometry, which the sealed PDF draws,
 * and the SVG text made from that geometry, which the seal definition stores. Pure; runs in
 * the renderer and in main.
 */
import { sealGeometry, type SealGeometry, type SealPictureInput } from './seal-geometry';
import { sealSvg } from './seal-svg';

export type { SealGeometry, SealGlyph, SealGlyphRole, SealPictureInput, SealPoint } from './seal-geometry';
export { SEAL_RED, orgArcSpanDeg, sealGeometry } from './seal-geometry';
export { SEAL_FONT_FAMILY, escapeXml, sealSvg } from './seal-svg';
export { splitSealName, type SealNameParts } from './seal-name';

export type SealPicture = { geometry: SealGeometry; svg: string };

/** The seal's geometry and its SVG; the same input always gives the same bytes. */
export function sealPicture(input: SealPictureInput): SealPicture {
  const geometry = sealGeometry(input);
  return { geometry, svg: sealSvg(geometry) };
}
