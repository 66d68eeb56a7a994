/**
 * @pdf-lib/fontkit 1.1.1 with the TrueType subsetting fix that upstream fontkit made in 1.8.0
 * (foliojs/fontkit#191): the subset keeps the source font's long `loca` format. Without it a
 * small subset is written with the short format, whose offsets are halved, so after the first
 * glyph record of odd length every later glyph is read from the wrong place and silently drawn
 * blank (Hopding/pdf-lib#1232) — we saw most of the bold title and the seal's text vanish.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Subset = ReturnType<ReturnType<Fontkit['create']>['createSubset']>;

/** What fontkit's TTFSubset keeps internally; only the loca format is touched. */
type TtfSubsetInternals = {
  _addGlyph?: (gid: number) => number;
  loca?: { version?: number };
  font?: { loca?: { version?: number } };
};

function keepLongLoca(subset: Subset): Subset {
  const internals = subset as unknown as TtfSubsetInternals;
  const addGlyph = internals._addGlyph;
  const sourceVersion = internals.font?.loca?.version;
  if (typeof addGlyph !== 'function' || sourceVersion === undefined) return subset; // a CFF subset: not affected
  // encode() makes a fresh `loca` and then adds the glyphs; the first addition fixes its format,
  // and loca.preEncode leaves a table with a set version alone.
  internals._addGlyph = function (this: TtfSubsetInternals, gid: number): number {
    if (this.loca && this.loca.version === undefined) this.loca.version = sourceVersion;
    return addGlyph.call(this, gid);
  };
  return subset;
}

/** The fontkit to register with pdf-lib for subsetted TrueType fonts. */
export const subsetSafeFontkit: Fontkit = {
  create(buffer, postscriptName) {
    const font = fontkit.create(buffer, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => keepLongLoca(createSubset());
    return font;
  },
};
