/**
 * The geometry of a round Chinese contract seal (合同专用章): one thick red ring, the
 * organisation along the upper arc, a five-pointed star in the centre, the seal type in a
 * straight line under it, the sample marker, and an optional code along the bottom arc. The SVG
 * picture and the sealed PDF both draw from this one model, so they show the same seal.
 *
 * Units are millimetres with the origin at the seal's centre and y pointing down (SVG's
 * convention). Every number is rounded to 1/10000 mm so both drawings see identical values.
 */
import { splitSealName } from './seal-name';

export type SealPoint = { x: number; y: number };

export type SealGlyphRole = 'org' | 'type' | 'marker' | 'code';

/**
 * One character of the seal. It is drawn centred on (x, y) horizontally with its baseline
 * through (x, y), after rotating it by `rotateDeg` (clockwise) about that point and scaling its
 * width by `scaleX` (tall, narrow characters where the arc is crowded).
 */
export type SealGlyph = {
  char: string;
  role: SealGlyphRole;
  x: number;
  y: number;
  rotateDeg: number;
  scaleX: number;
  /** Em size in millimetres. */
  fontSize: number;
  bold: boolean;
};

export type SealGeometry = {
  diameterMm: number;
  /** Solid seal red, as hex for SVG and as 0–1 components for PDF. */
  color: { hex: string; rgb: readonly [number, number, number] };
  /** The ring, stroked along a circle of `radius` (its centre line) with `strokeWidth`. */
  ring: { radius: number; strokeWidth: number };
  /** The star's outline: 10 vertices, outer and inner alternately, the first at the top. */
  star: { points: SealPoint[]; outerRadius: number; innerRadius: number };
  glyphs: SealGlyph[];
  /** What the seal says, part by part. */
  text: { name: string; org: string; typeLabel: string; marker: string; code: string };
};

export type SealPictureInput = {
  /** The seal's full name, e.g. 浙江省公共数据授权运营合同专用章（样例）. */
  name: string;
  /** The seal type under the star; split off `name` when absent (合同专用章, 财务专用章 …). */
  typeLabel?: string;
  /** Outer diameter in millimetres; 42 by default (the usual size of an official seal). */
  diameterMm?: number;
  /** A code number (e.g. the 13-digit seal code) set small along the bottom arc. */
  code?: string;
};

export const SEAL_RED = { hex: '#d0021b', rgb: [0xd0 / 255, 0x02 / 255, 0x1b / 255] as const };

/** Ink extent of a CJK ideograph in the serif font, in em above the baseline. */
const IDEOGRAPH_TOP = 0.85;
const IDEOGRAPH_MIDDLE = 0.38;
const IDEOGRAPH_BOTTOM = 0.09;
/** Digits are about this wide (em) in the serif font; the code is set at this pitch. */
const DIGIT_PITCH = 0.62;
const DIGIT_TOP = 0.76;

const GRAPHEMES = new Intl.Segmenter('zh', { granularity: 'grapheme' });

const round = (value: number): number => {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) ? 0 : rounded;
};

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** The arc an organisation name of `count` characters spreads over, in degrees. */
export function orgArcSpanDeg(count: number): number {
  if (count <= 1) return 0;
  return Math.min(240, Math.max(200, 20 * count));
}

/** Geometry of the seal described by `input`; the same input always gives the same geometry. */
export function sealGeometry(input: SealPictureInput): SealGeometry {
  const diameter = input.diameterMm ?? 42;
  if (!Number.isFinite(diameter) || diameter < 20 || diameter > 80) {
    throw new RangeError(`seal diameterMm must be between 20 and 80 (got ${String(input.diameterMm)})`);
  }
  const parts = splitSealName(input.name, input.typeLabel);
  const code = (input.code ?? '').trim();
  const u = diameter / 42; // every length below is written for a 42 mm seal
  const outer = diameter / 2;
  const strokeWidth = 1.2 * u;

  const inside = outer - strokeWidth - 1.2 * u; // straight lines keep this far from the ring
  // Characters (graphemes), one glyph each; white space has nothing to draw and is left out.
  const chars = (text: string): string[] => Array.from(GRAPHEMES.segment(text), (s) => s.segment).filter((c) => c.trim() !== '');
  const org = orgGlyphs(chars(parts.org), outer - strokeWidth - 0.9 * u, u);
  const room = (yTop: number, yBottom: number) => freeHalfWidth(yTop, yBottom, inside, org.band, 0.8 * u);
  const glyphs: SealGlyph[] = [
    ...org.glyphs,
    ...lineGlyphs(chars(parts.typeLabel), 'type', 11.2 * u, 4.4 * u, 0.3 * u, room, true),
    ...lineGlyphs(chars(parts.marker), 'marker', (code === '' ? 15.0 : 14.4) * u, 2.9 * u, 0, room, true),
    ...codeGlyphs(chars(code), outer - strokeWidth - 0.8 * u, 2.3 * u),
  ];

  const outerRadius = 7 * u;
  const innerRadius = outerRadius * (Math.sin(radians(18)) / Math.sin(radians(54)));
  const points: SealPoint[] = [];
  for (let i = 0; i < 10; i += 1) {
    const r = i % 2 === 0 ? outerRadius : innerRadius;
    const angle = radians(i * 36);
    points.push({ x: round(r * Math.sin(angle)), y: round(-r * Math.cos(angle)) });
  }

  return {
    diameterMm: round(diameter),
    color: { hex: SEAL_RED.hex, rgb: SEAL_RED.rgb },
    ring: { radius: round(outer - strokeWidth / 2), strokeWidth: round(strokeWidth) },
    star: { points, outerRadius: round(outerRadius), innerRadius: round(innerRadius) },
    glyphs,
    text: { name: input.name, org: parts.org, typeLabel: parts.typeLabel, marker: parts.marker, code },
  };
}

/**
 * The organisation along the upper arc, left to right clockwise, tops outward, evenly spaced
 * over `orgArcSpanDeg`. Characters narrow (down to 60 %) and then shrink where the arc is
 * crowded; `inkTop` is the radius the tops of the characters reach.
 */
function orgGlyphs(chars: string[], inkTop: number, u: number): { glyphs: SealGlyph[]; band: OrgBand | null } {
  const count = chars.length;
  if (count === 0) return { glyphs: [], band: null };
  const span = orgArcSpanDeg(count);
  const step = count > 1 ? span / (count - 1) : 0;
  let fontSize = 6.2 * u;
  let scaleX = 1;
  if (count > 1) {
    for (let pass = 0; pass < 4; pass += 1) {
      const middle = inkTop - (IDEOGRAPH_TOP - IDEOGRAPH_MIDDLE) * fontSize;
      const room = 0.92 * radians(step) * middle; // width available to one character
      scaleX = Math.min(1, room / fontSize);
      if (scaleX >= 0.6) break;
      scaleX = 0.6;
      fontSize = room / 0.6;
    }
  }
  const baseline = inkTop - IDEOGRAPH_TOP * fontSize;
  const inkBottom = baseline - IDEOGRAPH_BOTTOM * fontSize;
  // The last character reaches half its (scaled) width past its centre angle.
  const endDeg = span / 2 + ((Math.atan((scaleX * fontSize) / 2 / inkBottom) * 180) / Math.PI);
  const glyphs = chars.map((char, i): SealGlyph => {
    const angle = -span / 2 + i * step;
    return {
      char,
      role: 'org',
      x: round(baseline * Math.sin(radians(angle))),
      y: round(-baseline * Math.cos(radians(angle))),
      rotateDeg: round(angle),
      scaleX: round(scaleX),
      fontSize: round(fontSize),
      bold: true,
    };
  });
  return { glyphs, band: { innerRadius: inkBottom, endDeg } };
}

/** Where the organisation's characters lie: beyond `innerRadius`, within `endDeg` of the top. */
type OrgBand = { innerRadius: number; endDeg: number };

/**
 * Half the width a centred straight line between `yTop` and `yBottom` may take: inside the
 * ring, and clear (by `margin`) of the organisation's characters at the ends of the arc.
 */
function freeHalfWidth(yTop: number, yBottom: number, inside: number, band: OrgBand | null, margin: number): number {
  const fits = (x: number): boolean =>
    [yTop, yBottom].every((y) => {
      const r = Math.hypot(x, y);
      if (r > inside) return false;
      if (band === null || r < band.innerRadius - margin) return true;
      const fromTop = (Math.atan2(x, -y) * 180) / Math.PI; // 0 at the top, 180 at the bottom
      const clearance = (margin / r) * (180 / Math.PI);
      return fromTop > band.endDeg + clearance;
    });
  let x = 0;
  while (x < inside && fits(x + 0.05)) x += 0.05;
  return x;
}

/**
 * A straight, centred line of full-width characters with its baseline at `baselineY`; shrunk
 * to the room `room` gives at that height.
 */
function lineGlyphs(
  chars: string[],
  role: SealGlyphRole,
  baselineY: number,
  size: number,
  gap: number,
  room: (yTop: number, yBottom: number) => number,
  bold: boolean,
): SealGlyph[] {
  const count = chars.length;
  if (count === 0) return [];
  let fontSize = size;
  let pitch = size + gap;
  // Shrink until the line fits the room at its own height (a smaller line is also shorter).
  for (let pass = 0; pass < 20; pass += 1) {
    const halfWidth = room(baselineY - IDEOGRAPH_TOP * fontSize, baselineY + IDEOGRAPH_BOTTOM * fontSize);
    if (pitch * count <= 2 * halfWidth) break;
    pitch = Math.max((2 * halfWidth) / count, 0.1);
    fontSize = Math.min(size, pitch);
  }
  return chars.map((char, i) => ({
    char,
    role,
    x: round((i - (count - 1) / 2) * pitch),
    y: round(baselineY),
    rotateDeg: 0,
    scaleX: 1,
    fontSize: round(fontSize),
    bold,
  }));
}

/**
 * The code along the bottom arc, reading left to right, tops toward the centre and baselines
 * on the outside, at a fixed pitch along the arc.
 */
function codeGlyphs(chars: string[], baseline: number, size: number): SealGlyph[] {
  const count = chars.length;
  if (count === 0) return [];
  const middle = baseline - (DIGIT_TOP / 2) * size;
  const step = (DIGIT_PITCH * size) / middle; // radians per character
  return chars.map((char, i) => {
    const angle = (i - (count - 1) / 2) * step; // 0 at the bottom, positive to the right
    return {
      char,
      role: 'code',
      x: round(baseline * Math.sin(angle)),
      y: round(baseline * Math.cos(angle)),
      rotateDeg: round((-angle * 180) / Math.PI),
      scaleX: 1,
      fontSize: round(size),
      bold: false,
    };
  });
}
