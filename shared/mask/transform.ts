/**
 * The `transform` strings of FORMATS.md §1 (`mask:3,4`, `hmac-sm3`, `generalize:age-5y` …) as a
 * discriminated union, so maskers and the policy engine switch on a kind instead of re-parsing.
 */
import { Transform as TransformText } from '../formats/candidate';

/** One transform of FORMATS.md §1, parsed. */
export type ParsedTransform =
  | { readonly kind: 'none' }
  | { readonly kind: 'mask'; readonly head: number; readonly tail: number }
  | { readonly kind: 'mask-name' }
  | { readonly kind: 'generalize'; readonly how: string }
  | { readonly kind: 'suppress' }
  | { readonly kind: 'hmac'; readonly alg: 'sm3' | 'sha256' }
  | { readonly kind: 'hash'; readonly alg: 'sm3' | 'sha256' | 'md5' }
  | { readonly kind: 'encrypt-sm4' }
  | { readonly kind: 'tokenize' }
  | { readonly kind: 'aggregate' }
  | { readonly kind: 'noise' };

export type TransformKind = ParsedTransform['kind'];

const SIMPLE: Readonly<Record<string, ParsedTransform>> = {
  none: { kind: 'none' },
  'mask-name': { kind: 'mask-name' },
  suppress: { kind: 'suppress' },
  'hmac-sm3': { kind: 'hmac', alg: 'sm3' },
  'hmac-sha256': { kind: 'hmac', alg: 'sha256' },
  'hash-sm3': { kind: 'hash', alg: 'sm3' },
  'hash-sha256': { kind: 'hash', alg: 'sha256' },
  'hash-md5': { kind: 'hash', alg: 'md5' },
  'encrypt-sm4': { kind: 'encrypt-sm4' },
  tokenize: { kind: 'tokenize' },
  aggregate: { kind: 'aggregate' },
  noise: { kind: 'noise' },
};

/**
 * Parses a transform string of FORMATS.md §1, or returns null when it is not one (the same
 * strings the manifest schema accepts).
 */
export function tryParseTransform(text: string): ParsedTransform | null {
  // Called per cell by the maskers; a policy has a handful of distinct transforms.
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

const CACHE_LIMIT = 256;
const cache = new Map<string, ParsedTransform | null>();

function parseUncached(text: string): ParsedTransform | null {
  if (!TransformText.safeParse(text).success) return null;
  const simple = SIMPLE[text];
  if (simple) return simple;
  const mask = /^mask:(\d{1,2}),(\d{1,2})$/.exec(text);
  if (mask) return { kind: 'mask', head: Number(mask[1]), tail: Number(mask[2]) };
  if (text.startsWith('generalize:')) return { kind: 'generalize', how: text.slice('generalize:'.length) };
  return null;
}

/**
 * Parses a transform string of FORMATS.md §1 (`none`, `mask:<head>,<tail>`, `mask-name`,
 * `generalize:<how>`, `suppress`, `hmac-sm3` …). Throws a RangeError naming the text otherwise.
 */
export function parseTransform(text: string): ParsedTransform {
  const parsed = tryParseTransform(text);
  if (!parsed) {
    throw new RangeError(`"${text}" is not a transform of FORMATS.md §1 (none, mask:<head>,<tail>, mask-name, generalize:<how>, suppress, hmac-sm3, hmac-sha256, hash-sm3, hash-sha256, hash-md5, encrypt-sm4, tokenize, aggregate, noise)`);
  }
  return parsed;
}

/** The FORMATS.md §1 string of a parsed transform; `parseTransform(formatTransform(t))` equals `t`. */
export function formatTransform(transform: ParsedTransform): string {
  switch (transform.kind) {
    case 'mask':
      return `mask:${transform.head},${transform.tail}`;
    case 'generalize':
      return `generalize:${transform.how}`;
    case 'hmac':
      return `hmac-${transform.alg}`;
    case 'hash':
      return `hash-${transform.alg}`;
    case 'none':
    case 'mask-name':
    case 'suppress':
    case 'encrypt-sm4':
    case 'tokenize':
    case 'aggregate':
    case 'noise':
      return transform.kind;
  }
}

/** Transforms are given as strings (manifest, policy) or already parsed. */
export type TransformInput = string | ParsedTransform;

/** A parsed transform from either form; null for a string that is not a transform. */
export function toParsedTransform(input: TransformInput): ParsedTransform | null {
  return typeof input === 'string' ? tryParseTransform(input) : input;
}
