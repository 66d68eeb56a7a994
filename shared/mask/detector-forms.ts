/**
 * The conservative masked form of what each detector finds, used inside free text and as
 * finding evidence: identifiers keep at most 3 leading and 4 trailing characters, names the
 * surname, addresses the district, e-mails the first character and the domain.
 */
import type { Detection, DetectorId } from '../detect/types';
import { MASK_CHAR, codePoints, fullMask, isMaskChar, maskIdentifier, maskShapeOf } from './chars';
import { cutAddress } from './generalize';
import { maskName } from './names';

/**
 * How a detected value is shown in a preview: the conservative form for its detector. Digests
 * and values the candidate already masked carry nothing clear and are returned as they are.
 */
export function maskDetected(matched: string, detector: DetectorId): string {
  if (matched === '') return '';
  switch (detector) {
    case 'digest':
    case 'masked':
      return matched;
    case 'person-name':
      return maskName(matched);
    case 'address':
      return maskAddress(matched);
    case 'email':
      return maskEmail(matched);
    case 'coordinates':
      return matched.replace(/(\d+[.．]\d{2})(\d+)/g, (_m, kept: string, rest: string) => kept + MASK_CHAR.repeat(rest.length));
    case 'ipv4':
      return maskIpv4(matched);
    case 'ipv6':
      return maskIpv6(matched);
    case 'cn-resident-id':
    case 'cn-resident-id-15':
    case 'cn-mobile':
    case 'cn-landline':
    case 'bank-card':
    case 'uscc':
    case 'uscc-sole-trader':
    case 'passport':
    case 'hk-macao-permit':
    case 'taiwan-permit':
    case 'vehicle-plate':
      return maskIdentifier(matched);
  }
}

/** Longer values are shortened in evidence: a finding needs the shape, not a page of stars. */
const EVIDENCE_MAX = 64;

/**
 * The masked form of a value for a finding's `evidence` — never the raw value, whatever the
 * field's transform (also for `none`). With a detector (or a Detection, whose mask shape tells
 * what a masked value was) the detector's form is used; without one the value is treated as an
 * identifier (at most 3 + 4 characters kept). Digests are masked whole: an unsalted digest
 * of an enumerable identifier is as good as the identifier. A value the candidate already
 * masked keeps its own mask, but never more than 3 leading and 4 trailing clear characters.
 */
export function maskEvidence(value: string, detector?: DetectorId | Detection): string {
  const text = value.trim();
  if (text === '') return '';
  const id = typeof detector === 'object' ? detector.detector : detector;
  let masked: string;
  if (id === 'digest') {
    masked = fullMask(text);
  } else if (id === 'masked' || (id === undefined && maskShapeOf(text) !== null)) {
    const original = typeof detector === 'object' ? detector.mask?.original : undefined;
    masked = original === 'person-name' ? maskName(text) : limitMasked(text);
  } else if (id === undefined) {
    masked = maskIdentifier(text);
  } else {
    masked = maskDetected(text, id);
    // A form that kept everything (a district-level address, a one-label e-mail) still masks.
    if (masked === text) masked = maskIdentifier(text);
  }
  return shorten(masked);
}

/** An already-masked value with at most 3 leading and 4 trailing characters left in clear. */
function limitMasked(text: string): string {
  const shape = maskShapeOf(text);
  if (!shape) return maskIdentifier(text);
  const chars = codePoints(text);
  const head = Math.min(shape.head, 3);
  const tail = Math.min(shape.tail, 4);
  return chars.map((ch, i) => (i < head || i >= chars.length - tail || isMaskChar(ch) ? ch : MASK_CHAR)).join('');
}

function shorten(masked: string): string {
  // Head and tail of the masked form, so nothing shows that the masked form did not show.
  const chars = codePoints(masked);
  if (chars.length <= EVIDENCE_MAX) return masked;
  return `${chars.slice(0, 3).join('')}${MASK_CHAR.repeat(EVIDENCE_MAX - 8)}…${chars.slice(chars.length - 4).join('')}`;
}

function maskAddress(address: string): string {
  const cut = cutAddress(address, 'district');
  if (cut === null) return fullMask(address);
  return cut + MASK_CHAR.repeat(codePoints(address).length - codePoints(cut).length);
}

function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskIdentifier(email);
  const first = codePoints(email.slice(0, at))[0]!;
  return `${first}***@${email.slice(at + 1)}`;
}

function maskIpv4(ip: string): string {
  const parts = ip.split('.');
  return parts.map((part, i) => (i === 0 ? part : MASK_CHAR)).join('.');
}

function maskIpv6(ip: string): string {
  let first = true;
  return ip.replace(/[0-9A-Fa-f]{1,4}/g, (group) => {
    if (first) {
      first = false;
      return group;
    }
    return MASK_CHAR;
  });
}
