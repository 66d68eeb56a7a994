/**
 * E-mail addresses: a dot-atom local part and a domain of at least two labels ending in an
 * alphabetic (or punycode) top-level label. Role mailboxes (service@, info@, noreply@…) are
 * reported as not personal: they name a function of an organisation, not a person.
 */
import type { Hit } from './common';

/** A syntactically valid address: nothing else looks like one. */
export const EMAIL_CONFIDENCE = 0.95;

const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'admin', 'contact', 'customer', 'hello', 'help', 'hr', 'info', 'kefu', 'mail', 'marketing', 'no-reply', 'noreply',
  'office', 'postmaster', 'press', 'sales', 'security', 'service', 'support', 'webmaster',
]);

function isLocalChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ||
    code === 46 || code === 95 || code === 37 || code === 43 || code === 45
  );
}

function isDomainChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 46;
}

/** True when `local` is a 1–64 character dot-atom of letters, digits and `._%+-`. */
function validLocal(local: string): boolean {
  if (local.length === 0 || local.length > 64) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  for (let i = 0; i < local.length; i++) if (!isLocalChar(local.charCodeAt(i))) return false;
  return true;
}

/** True when `domain` has ≥ 2 labels of 1–63 characters, no edge hyphens, and an alphabetic TLD. */
function validDomain(domain: string): boolean {
  if (domain.length < 4 || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
    for (let i = 0; i < label.length; i++) if (!isDomainChar(label.charCodeAt(i))) return false;
  }
  const tld = labels[labels.length - 1]!;
  return /^(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{2,59})$/.test(tld);
}

/** Scores a whole value as an e-mail address, or null. */
export function checkEmail(value: string): Hit | null {
  const at = value.indexOf('@');
  if (at <= 0 || value.indexOf('@', at + 1) !== -1) return null;
  const local = value.slice(0, at);
  if (!validLocal(local) || !validDomain(value.slice(at + 1))) return null;
  return { detector: 'email', confidence: EMAIL_CONFIDENCE, personal: !ROLE_MAILBOXES.has(local.toLowerCase()) };
}

/**
 * Finds e-mail addresses in (width-folded) text by growing each `@` outwards over the
 * characters an address may use, so the scan stays linear. Trailing dots and hyphens
 * (sentence punctuation) are not part of the address.
 */
export function findEmails(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  let at = text.indexOf('@');
  let consumed = 0;
  while (at !== -1) {
    let start = at;
    while (start > consumed && at - start < 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 46) start++;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    const hit = start < at ? checkEmail(text.slice(start, end)) : null;
    if (hit) {
      report(hit, start, end);
      consumed = end;
    }
    at = text.indexOf('@', at + 1);
  }
}
