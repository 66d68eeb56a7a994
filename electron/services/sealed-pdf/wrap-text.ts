/**
 * Breaks a paragraph of mixed Chinese and Latin text into lines that fit a width: a line may
 * break between any two Chinese characters, between Latin words, or inside a Latin "word" that
 * is wider than a line (a digest, a URL). Chinese line-breaking rules (禁则) are kept: closing
 * punctuation never starts a line (it hangs past the edge instead) and opening punctuation never
 * ends one.
 */

/** Width of a piece of text in the unit of `width`. */
export type Measure = (text: string) => number;

const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;
const CLOSING = new Set(Array.from('，。、；：？！）》」』】〕”’…—·,.;:?!)]}%'));
const OPENING = new Set(Array.from('（《「『【〔“‘([{'));

const GRAPHEMES = new Intl.Segmenter('zh', { granularity: 'grapheme' });

type Token = { text: string; space: boolean };

/** Splits text into tokens: each CJK character alone, runs of other non-space characters, spaces. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const { segment } of GRAPHEMES.segment(text)) {
    const space = /^\s+$/u.test(segment);
    const last = tokens.at(-1);
    const joins = last !== undefined && !CJK.test(segment) && !CLOSING.has(segment) && !OPENING.has(segment);
    if (space) {
      if (last?.space) continue;
      tokens.push({ text: ' ', space: true });
    } else if (joins && !last.space && !CJK.test(last.text) && !CLOSING.has(last.text) && !OPENING.has(last.text)) {
      last.text += segment;
    } else {
      tokens.push({ text: segment, space: false });
    }
  }
  return tokens;
}

/**
 * The lines of one paragraph (no line breaks inside) at most `width` wide — the first line at
 * most `firstWidth` (for a first-line indent) — except for hanging closing punctuation. Leading
 * and trailing spaces of each line are dropped.
 */
export function wrapParagraph(text: string, width: number, measure: Measure, firstWidth: number = width): string[] {
  const lines: string[] = [];
  let line: Token[] = [];
  let lineWidth = 0;
  const room = () => (lines.length === 0 ? firstWidth : width);

  const flush = () => {
    while (line.at(-1)?.space) line.pop();
    lines.push(line.map((t) => t.text).join(''));
    line = [];
    lineWidth = 0;
  };
  const add = (token: Token, tokenWidth: number) => {
    if (token.space && line.length === 0) return;
    line.push(token);
    lineWidth += tokenWidth;
  };

  for (const token of tokenize(text)) {
    const tokenWidth = measure(token.text);
    if (lineWidth + tokenWidth <= room() || token.space) {
      add(token, tokenWidth);
      continue;
    }
    if (CLOSING.has(token.text) && line.length > 0) {
      add(token, tokenWidth); // hangs past the edge rather than starting the next line
      continue;
    }
    // An opening bracket at the end of the line moves down with what it opens.
    const carried: Token[] = [];
    while (line.length > 1 && OPENING.has(line.at(-1)!.text)) carried.unshift(line.pop()!);
    if (line.length > 0) flush();
    for (const open of carried) add(open, measure(open.text));
    if (tokenWidth <= room() - lineWidth) {
      add(token, tokenWidth);
      continue;
    }
    // Wider than a whole line: break it between characters.
    for (const { segment } of GRAPHEMES.segment(token.text)) {
      const charWidth = measure(segment);
      if (lineWidth + charWidth > room() && line.length > 0) flush();
      add({ text: segment, space: false }, charWidth);
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/** The paragraphs of a text: split at line breaks, tabs as spaces, control characters dropped. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    // eslint-disable-next-line no-control-regex -- control characters have no glyph to draw
    .map((paragraph) => paragraph.replace(/\t/g, ' ').replace(/[\u0000-\u001F\u007F]/g, ''));
}
