/**
 * Detailed Chinese addresses, by heuristic: a house number (12号, 3弄, 5栋, 2单元, 501室) anchors
 * the match; the road, street, community or administrative names before it and the building,
 * unit and room after it make up the range. A district or road without a number is not a
 * detailed address; a table cell of that kind gets a low likelihood at most.
 */
import { type Hit, isAsciiAlnumCode, isCjkCode } from './common';

/** Road or community and a house number, with building/unit/room: 文三路123号2幢301室. */
export const ADDRESS_WITH_ROOM_CONFIDENCE = 0.95;
/** Road or community and a house number: 文三路123号, 翠苑一区3栋. */
export const ADDRESS_CONFIDENCE = 0.85;
/** Only administrative names before the number: 西湖区12号 (often a day, 本市12号发布: below the text threshold). */
export const ADMIN_NUMBER_CONFIDENCE = 0.45;
/** A cell naming a road under an administrative area, without a number: 杭州市西湖区文三路. */
export const STREET_LEVEL_CELL_CONFIDENCE = 0.35;

const ANCHOR = /(?:[0-9]{1,6}|[一二三四五六七八九十百零〇两]{1,6})(?:号楼|号院|号|弄|栋|幢|单元|室)/g;
const FOLLOW = /^(?:[-—]?(?:[0-9A-Za-z]{1,6}|[一二三四五六七八九十百零〇两]{1,6})(?:号楼|号院|号|弄|栋|幢|座|单元|楼|层|室|户))*/;
const STREET = /路|街|巷|道|胡同|弄|里|村|组|社区|小区|花园|公寓|大厦|广场|苑|园|庭|家园|新村|中心|工业区|开发区|园区|大楼|坊/;
const ADMIN = /省|市|区|县|镇|乡|旗|州|盟/;
/** Words that introduce an address; the address starts after the last one. */
const LEAD_INS = ['地址', '住址', '居住在', '住在', '家住', '位于', '现住', '户籍', '寄往', '寄至', '送至', '送到', '搬到', '搬至', '来自', '在', '是', '的', '到'] as const;
/** A `号` followed by one of these is not a house number: 2号线, 3号文, 5号令, 1号码. */
const NOT_HOUSE = '线文令码牌机位键';
/** Before the number: 第3号 (an ordinal), 6月1号 (a date). */
const NOT_BEFORE = '第月';
const MAX_LEFT = 40;

function isAddressChar(code: number): boolean {
  return isCjkCode(code) || isAsciiAlnumCode(code) || code === 45 || code === 35 || code === 0x2014;
}

/**
 * Finds detailed addresses in (width-folded) text and reports each range with its likelihood.
 * Ranges start after a lead-in such as 地址： or 住在 and end after the room number.
 */
export function findAddresses(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  let consumed = 0;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) {
    const anchorStart = m.index;
    let end = anchorStart + m[0].length;
    if (anchorStart < consumed) continue;
    if (m[0].endsWith('号') && end < text.length && NOT_HOUSE.includes(text[end]!)) continue;
    if (anchorStart > 0 && NOT_BEFORE.includes(text[anchorStart - 1]!)) continue;
    if (anchorStart > 0 && isAsciiAlnumCode(text.charCodeAt(anchorStart - 1)) && /\d/.test(text[anchorStart]!)) continue;
    const follow = FOLLOW.exec(text.slice(end, end + 40))?.[0] ?? '';
    end += follow.length;
    let start = anchorStart;
    while (start > consumed && anchorStart - start < MAX_LEFT && isAddressChar(text.charCodeAt(start - 1))) start--;
    const left = text.slice(start, anchorStart);
    let cut = 0;
    // A long digit run or a Latin word before the address is another value (a phone number).
    for (const run of left.matchAll(/[0-9]{5,}|[A-Za-z]{3,}/g)) cut = run.index + run[0].length;
    for (const word of LEAD_INS) {
      const at = left.lastIndexOf(word);
      if (at !== -1 && at + word.length > cut) cut = at + word.length;
    }
    start += cut;
    const head = left.slice(cut);
    const hasStreet = STREET.test(head);
    const hasAdmin = ADMIN.test(head);
    if (!hasStreet && !hasAdmin) continue;
    if (end - start < 5) continue;
    // A further building, unit or room after the first number: 123号2幢301室, 3栋2单元.
    const confidence = hasStreet ? (follow.length > 0 ? ADDRESS_WITH_ROOM_CONFIDENCE : ADDRESS_CONFIDENCE) : ADMIN_NUMBER_CONFIDENCE;
    report({ detector: 'address', confidence, personal: true }, start, end);
    consumed = end;
    ANCHOR.lastIndex = end;
  }
}

/**
 * Scores a whole table cell as an address: a detailed address covering most of the cell keeps
 * its likelihood; an administrative area with a road but no number is street-level (low); a
 * district or city alone is null.
 */
export function checkAddress(value: string): Hit | null {
  const n = value.length;
  if (n < 5 || n > 120) return null;
  const found: { hit: Hit; length: number }[] = [];
  findAddresses(value, (hit, start, end) => found.push({ hit, length: end - start }));
  let best = found[0];
  for (const f of found) if (f.length > (best?.length ?? 0)) best = f;
  // The detailed part must make up most of the cell (60 %), else the cell is something else.
  if (best && best.length * 5 >= n * 3) return best.hit;
  if (ADMIN.test(value) && /路|街|巷|大道|胡同/.test(value.replace(/^.*?(?:省|市|区|县)/, ''))) {
    return { detector: 'address', confidence: STREET_LEVEL_CELL_CONFIDENCE, personal: true };
  }
  return null;
}
