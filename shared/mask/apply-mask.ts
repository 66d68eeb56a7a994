/**
 * What a value looks like under a transform of FORMATS.md §1, for display: the preview shows
 * this where the policy requires a transform. It never shows more of a value than the
 * transform would leave; whatever cannot be rendered safely is masked whole.
 */
import { MASK_CHAR, fullMask, keepEnds } from './chars';
import { generalizeValue } from './generalize';
import { maskName } from './names';
import { isPlainNumber } from './plain-number';
import { looksLikeDigest, looksLikeToken } from './opaque';
import { type TransformInput, toParsedTransform } from './transform';

/**
 * The value as it looks under `transform`:
 * - `none` → as is; `suppress` → `*`;
 * - `mask:h,t` → h characters kept at the start, t at the end, one `*` per masked character
 *   (`13812345678` → `138****5678`); a value of h + t characters or fewer is masked whole;
 * - `mask-name` → the surname kept (`张**`, `欧阳**`);
 * - `generalize:<how>` → see generalizeValue; an unknown method or value is masked whole;
 * - `hmac-*`, `hash-*`, `encrypt-sm4`, `tokenize` → as is when the value already looks like a
 *   digest or token (it carries no clear content), masked whole otherwise;
 * - `aggregate`, `noise` → as is when the value is a number, masked whole otherwise.
 * Characters are code points: a surrogate pair is never split. An unknown transform string masks
 * the value whole. The empty string stays empty.
 */
export function applyMask(value: string, transform: TransformInput): string {
  if (value === '') return '';
  const t = toParsedTransform(transform);
  if (!t) return fullMask(value);
  switch (t.kind) {
    case 'none':
      return value;
    case 'suppress':
      return MASK_CHAR;
    case 'mask':
      return keepEnds(value, t.head, t.tail);
    case 'mask-name':
      return maskName(value);
    case 'generalize': {
      if (value.trim() === '') return value;
      return generalizeValue(value, t.how) ?? fullMask(value);
    }
    case 'hmac':
    case 'hash':
      return looksLikeDigest(value) ? value : fullMask(value);
    case 'encrypt-sm4':
    case 'tokenize':
      return looksLikeToken(value) ? value : fullMask(value);
    case 'aggregate':
    case 'noise':
      return isPlainNumber(value) ? value : fullMask(value);
  }
}

