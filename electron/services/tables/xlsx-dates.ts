/**
 * Excel stores a date as a number (days since an epoch) and marks it only by the cell's number
 * format. This module decides which number formats show dates or times and turns such a serial
 * number into ISO 8601 text, so a date column reads as dates rather than as 45123.5.
 */

/** Built-in number formats (ECMA-376 §18.8.30) that show a date or a time, including the CJK ones. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** …of which these show only a time of day (or an elapsed time). */
const BUILT_IN_TIME_FORMATS = new Set([18, 19, 20, 21, 45, 46, 47]);

/** What a number format shows of a serial number: a date, a time of day, or both. */
export type DateFormat = { date: boolean; time: boolean };

/**
 * The date parts of a number format, or null if it shows a plain number. Literal text
 * (`"…"`, `\x`), padding (`_x`, `*x`), colours and conditions (`[Red]`, `[<100]`) are ignored,
 * so `#,##0" days"` is a number while `yyyy"年"m"月"d"日"` is a date. Only the first section
 * (the one for positive numbers) decides.
 */
export function dateFormat(numFmtId: number, code: string | undefined): DateFormat | null {
  if (code === undefined) {
    if (!BUILT_IN_DATE_FORMATS.has(numFmtId)) return null;
    const timeOnly = BUILT_IN_TIME_FORMATS.has(numFmtId);
    return { date: !timeOnly, time: timeOnly || numFmtId === 22 };
  }
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\.|_.|\*./g, '')
    .split(';')[0]!
    // Elapsed time ([h], [mm], [ss]) is a time; other brackets are colours, conditions or locales.
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/AM\/PM|A\/P/gi, 'h')
    // Scientific notation (0.00E+00) is a number; a lone `e` is a year.
    .replace(/e[+-]/gi, '');
  if (/general/i.test(bare)) return null;
  const time = /[hs]/i.test(bare);
  // `m` is a month unless it stands next to hours or seconds; `e` is the (era) year in CJK locales.
  const date = /[yde]/i.test(bare) || (/m/i.test(bare) && !time);
  return date || time ? { date, time } : null;
}

const DAY_SECONDS = 86_400;
const MS_PER_DAY = DAY_SECONDS * 1000;
/** 1899-12-30: day 0 of the 1900 date system once its phantom 1900-02-29 is accounted for. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Serial numbers past 9999-12-31 are not dates Excel can show. */
const MAX_SERIAL = 2_958_466;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The serial number `text` (as stored in the cell) as ISO 8601 text: `YYYY-MM-DD`, with
 * `THH:MM:SS` when the format shows a time or the value holds one, or `HH:MM:SS` alone for a
 * time-only format and a value under one day. Rounded to the second, as Excel shows it.
 * Returns null (keep the stored text) for anything that is not a date Excel could show.
 *
 * In the 1900 system Excel counts the non-existent 1900-02-29 (serial 60, a Lotus 1-2-3
 * compatibility bug); that serial comes back as the text `1900-02-29`.
 */
export function serialToIso(text: string, format: DateFormat, date1904: boolean): string | null {
  const serial = Number(text);
  if (text.trim() === '' || !Number.isFinite(serial) || serial < 0 || serial >= MAX_SERIAL) return null;
  const totalSeconds = Math.round(serial * DAY_SECONDS);
  const days = Math.floor(totalSeconds / DAY_SECONDS);
  const seconds = totalSeconds - days * DAY_SECONDS;
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  if (!format.date || (days === 0 && !date1904 && format.time)) {
    // A time of day; a time-only format showing more than a day is an elapsed time: keep the number.
    return days === 0 ? time : null;
  }
  if (days === 0 && !date1904) return null; // "1900-01-00" is Excel's, not a date
  let day: string;
  if (!date1904 && days === 60) {
    day = '1900-02-29';
  } else {
    const epoch = date1904 ? EPOCH_1904 : days < 60 ? EPOCH_1900 + MS_PER_DAY : EPOCH_1900;
    const d = new Date(epoch + days * MS_PER_DAY);
    day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return format.time || seconds !== 0 ? `${day}T${time}` : day;
}
