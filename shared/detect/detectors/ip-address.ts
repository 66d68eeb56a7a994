/**
 * IP addresses: dotted-quad IPv4 (octets 0–255, no leading zeros, never part of a longer dotted
 * number such as a version) and IPv6 under a strict parser (eight groups, or one `::`, optional
 * trailing IPv4). Addresses that identify no one — loopback, unspecified, broadcast, netmasks,
 * multicast and the documentation ranges — are reported as not personal, with lower confidence.
 */
import { type Hit, isAsciiAlnumCode, isDigitCode } from './common';

/** A public (or carrier) address: 个人信息 when linked to a subscriber (GB/T 35273 annex A). */
export const IP_PUBLIC_CONFIDENCE = 0.95;
/** A private-range address (10/8, 172.16/12, 192.168/16, fc00::/7): identifies a device inside a network. */
export const IP_PRIVATE_CONFIDENCE = 0.8;
/** Documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32). */
export const IP_DOCUMENTATION_CONFIDENCE = 0.6;
/** Loopback, unspecified, broadcast, netmask-like and multicast addresses. */
export const IP_SPECIAL_CONFIDENCE = 0.4;
/** An IPv4 of four single-digit octets (`1.2.3.4`) is as often a version number. */
export const IP_SMALL_OCTETS_CONFIDENCE = 0.5;

/** The four octets of a strict dotted-quad IPv4 address, or null. */
export function parseIpv4(value: string): [number, number, number, number] | null {
  const n = value.length;
  if (n < 7 || n > 15) return null;
  const octets: number[] = [];
  let current = 0;
  let digits = 0;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? value.charCodeAt(i) : 46;
    if (isDigitCode(code)) {
      if (digits === 1 && current === 0) return null; // leading zero
      current = current * 10 + code - 48;
      digits++;
      if (digits > 3 || current > 255) return null;
    } else if (code === 46) {
      if (digits === 0) return null;
      octets.push(current);
      current = 0;
      digits = 0;
    } else {
      return null;
    }
  }
  return octets.length === 4 ? [octets[0]!, octets[1]!, octets[2]!, octets[3]!] : null;
}

/** Scores a whole value as an IPv4 address, or null. */
export function checkIpv4(value: string): Hit | null {
  const o = parseIpv4(value);
  if (!o) return null;
  const [a, b, c, d] = o;
  const special = a === 0 || a === 127 || a >= 224 || (a === 255 && b === 255) || (a === 169 && b === 254) || isNetmask(o);
  if (special) return { detector: 'ipv4', confidence: IP_SPECIAL_CONFIDENCE, personal: false };
  const documentation = (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113);
  if (documentation) return { detector: 'ipv4', confidence: IP_DOCUMENTATION_CONFIDENCE, personal: false };
  if (a < 10 && b < 10 && c < 10 && d < 10) return { detector: 'ipv4', confidence: IP_SMALL_OCTETS_CONFIDENCE, personal: true };
  const privateRange = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  return { detector: 'ipv4', confidence: privateRange ? IP_PRIVATE_CONFIDENCE : IP_PUBLIC_CONFIDENCE, personal: true };
}

function isNetmask(o: readonly number[]): boolean {
  if (o[0] !== 255) return false;
  let bits = ((o[0] << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
  // A netmask is ones followed by zeros: inverting gives 2^k − 1.
  bits = ~bits >>> 0;
  return (bits & (bits + 1)) === 0;
}

/**
 * The eight 16-bit groups of a strict IPv6 address (no zone, no brackets, no prefix length),
 * or null. Groups are 1–4 hex digits; one `::` may stand for one or more zero groups; an IPv4
 * address may take the place of the last two groups.
 */
export function parseIpv6(value: string): number[] | null {
  const n = value.length;
  if (n < 2 || n > 45) return null;
  let text = value;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (lastColon === -1) return null;
  if (text.includes('.', lastColon)) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return null;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    text = text.slice(0, lastColon + 1);
    // `::1.2.3.4` keeps its `::`; `a:b:…:f:1.2.3.4` ends with one colon, which the split below drops.
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const double = text.indexOf('::');
  if (double !== -1 && text.indexOf('::', double + 1) !== -1) return null;
  const parseGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const groups: number[] = [];
    for (const g of part.split(':')) {
      if (g.length === 0 || g.length > 4 || !/^[0-9A-Fa-f]+$/.test(g)) return null;
      groups.push(Number.parseInt(g, 16));
    }
    return groups;
  };
  if (double === -1) {
    const groups = parseGroups(text);
    if (!groups) return null;
    const all = [...groups, ...tail];
    return all.length === 8 ? all : null;
  }
  const head = parseGroups(text.slice(0, double));
  const rest = parseGroups(text.slice(double + 2));
  if (!head || !rest) return null;
  const known = head.length + rest.length + tail.length;
  if (known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
}

/** Scores a whole value as an IPv6 address (strict), or null. */
export function checkIpv6(value: string): Hit | null {
  const g = parseIpv6(value);
  if (!g) return null;
  const zeroHead = g.slice(0, 7).every((x) => x === 0);
  if (zeroHead && (g[7] === 0 || g[7] === 1)) return { detector: 'ipv6', confidence: IP_SPECIAL_CONFIDENCE, personal: false };
  if (g[0]! >= 0xff00) return { detector: 'ipv6', confidence: IP_SPECIAL_CONFIDENCE, personal: false };
  if (g[0] === 0x2001 && g[1] === 0x0db8) return { detector: 'ipv6', confidence: IP_DOCUMENTATION_CONFIDENCE, personal: false };
  const privateRange = (g[0]! & 0xfe00) === 0xfc00 || (g[0]! & 0xffc0) === 0xfe80;
  return { detector: 'ipv6', confidence: privateRange ? IP_PRIVATE_CONFIDENCE : IP_PUBLIC_CONFIDENCE, personal: true };
}

const IPV4_IN_TEXT = /(?<![0-9A-Za-z.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9A-Za-z]|\.\d)/g;

/**
 * Finds IPv4 addresses in (width-folded) text. A dotted number with more than four parts
 * (`v1.2.3.4.5`, `1.2.3.4.5`) or glued to letters is a version or an identifier, not an address.
 */
export function findIpv4s(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  IPV4_IN_TEXT.lastIndex = 0;
  for (let m = IPV4_IN_TEXT.exec(text); m !== null; m = IPV4_IN_TEXT.exec(text)) {
    const hit = checkIpv4(m[0]);
    if (hit) report(hit, m.index, m.index + m[0].length);
  }
}

function isHexCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/**
 * Finds IPv6 addresses in (width-folded) text: each run of hex digits, colons and dots that
 * holds at least two colons is parsed strictly, so times (`10:30:00`) and MAC addresses fail.
 * The scan is linear: every character is looked at a bounded number of times.
 */
export function findIpv6s(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  let from = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', Math.max(colon + 1, from))) {
    let start = colon;
    while (start > from && colon - start < 45 && isHexCode(text.charCodeAt(start - 1))) start--;
    let end = colon;
    let colons = 0;
    while (end < text.length && end - start < 46) {
      const code = text.charCodeAt(end);
      if (code === 58) colons++;
      else if (!isHexCode(code) && code !== 46) break;
      end++;
    }
    from = end;
    // Sentence punctuation after the address: a final `.`, or a single `:` not part of `::`.
    while (end > start && text.charCodeAt(end - 1) === 46) end--;
    if (end - start >= 2 && text.charCodeAt(end - 1) === 58 && text.charCodeAt(end - 2) !== 58) {
      end--;
      colons--;
    }
    if (colons < 2) continue;
    if (start > 0 && (isAsciiAlnumCode(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 58)) continue;
    if (end < text.length && isAsciiAlnumCode(text.charCodeAt(end))) continue;
    const hit = checkIpv6(text.slice(start, end));
    if (hit) report(hit, start, end);
  }
}
