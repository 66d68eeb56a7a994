/**
 * Finds and reads the Noto Serif SC TrueType fonts (SIL OFL, package
 * @expo-google-fonts/noto-serif-sc) the 意见书 is set in. Looked for first in a `fonts/` folder
 * beside the bundled code (dist/electron/fonts or dist/fonts, for a packaged app, whose archive
 * holds dist/ only), then in node_modules. Read once and kept: each file is about 15 MB.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type OpinionFonts = { regular: Uint8Array; bold: Uint8Array };

const PACKAGE = '@expo-google-fonts/noto-serif-sc';
export const FONT_FILES = { regular: '400Regular/NotoSerifSC_400Regular.ttf', bold: '700Bold/NotoSerifSC_700Bold.ttf' } as const;
const FILE_NAMES = { regular: 'NotoSerifSC_400Regular.ttf', bold: 'NotoSerifSC_700Bold.ttf' } as const;

/** Where the two font files are, or null when neither place has them. */
export function locateOpinionFonts(baseDir: string = __dirname): { regular: string; bold: string } | null {
  for (const dir of [join(baseDir, 'fonts'), join(baseDir, '..', 'fonts')]) {
    const found = { regular: join(dir, FILE_NAMES.regular), bold: join(dir, FILE_NAMES.bold) };
    if (existsSync(found.regular) && existsSync(found.bold)) return found;
  }
  try {
    const root = dirname(createRequire(join(baseDir, 'index.js')).resolve(`${PACKAGE}/package.json`));
    const found = { regular: join(root, FONT_FILES.regular), bold: join(root, FONT_FILES.bold) };
    if (existsSync(found.regular) && existsSync(found.bold)) return found;
  } catch {
    // Not installed where node_modules can be reached from here (a packaged app): reported below.
  }
  return null;
}

let cached: Promise<OpinionFonts> | null = null;

/** The regular and bold fonts' bytes; throws naming what is missing and where it was looked for. */
export async function loadOpinionFonts(): Promise<OpinionFonts> {
  cached ??= readFonts();
  try {
    return await cached;
  } catch (error) {
    cached = null; // let a later call try again (e.g. once the files are in place)
    throw error;
  }
}

async function readFonts(): Promise<OpinionFonts> {
  const paths = locateOpinionFonts();
  if (paths === null) {
    throw new Error(
      `The Noto Serif SC fonts for the decision document were not found: looked in ${join(__dirname, 'fonts')}, ` +
        `${join(__dirname, '..', 'fonts')} and the ${PACKAGE} package. Copy ${FILE_NAMES.regular} and ${FILE_NAMES.bold} into dist/fonts.`,
    );
  }
  const [regular, bold] = await Promise.all([readFile(paths.regular), readFile(paths.bold)]);
  return { regular: new Uint8Array(regular.buffer, regular.byteOffset, regular.byteLength), bold: new Uint8Array(bold.buffer, bold.byteOffset, bold.byteLength) };
}
