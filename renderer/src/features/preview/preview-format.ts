/**
 * Display helpers of the preview: counts with digit grouping, shares as percentages, scan
 * ETAs as a short duration, mask forms as "3+4 ×120", and how a declared transform compares
 * with what the policy accepts.
 */
import type { MaskForm } from '../../../../shared/profile/column-profile';

/** `1234567` → `1,234,567` (the grouping reads the same in Chinese and English). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `0.8254` → `82.5%`; tiny non-zero shares show as `<0.1%`, never as 0. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  if (share >= 1) return '100%';
  if (share < 0.001) return '<0.1%';
  const percent = share * 100;
  return `${percent >= 99.95 ? '99.9' : percent.toFixed(1).replace(/\.0$/, '')}%`;
}

/** Seconds as `h:mm:ss` or `m:ss`; null for an unknown ETA. */
export function formatDuration(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const total = Math.ceil(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `{head:3, tail:4, count:120}` → `3+4 ×120`, with the mask character when it is not `*`. */
export function maskFormLabel(form: Pick<MaskForm, 'head' | 'tail' | 'maskChar' | 'count'>): string {
  const char = form.maskChar === '*' ? '' : ` ${form.maskChar}`;
  return `${form.head}+${form.tail}${char} ×${formatCount(form.count)}`;
}

/** The head and tail a declared `mask:h,t` keeps, or null for any other transform. */
export function declaredMask(transform: string | undefined): { head: number; tail: number } | null {
  const m = /^mask:(\d+),(\d+)$/.exec(transform ?? '');
  return m ? { head: Number(m[1]), tail: Number(m[2]) } : null;
}

/**
 * How the declared transform of a column stands against the policy: `none-required` when the
 * policy lists nothing for it, `accepted` when the declared one is listed, else `not-accepted`.
 */
export function transformVerdict(declared: string | undefined, required: readonly string[]): 'none-required' | 'accepted' | 'not-accepted' | 'undeclared' {
  if (required.length === 0) return 'none-required';
  if (declared === undefined) return 'undeclared';
  return required.includes(declared) ? 'accepted' : 'not-accepted';
}
