/**
 * How a mask form the candidate used (a profile's maskForms entry, a detection's mask shape)
 * compares with the transforms the policy requires — for `pii.mask-nonconforming`.
 */
import { type TransformInput, toParsedTransform } from './transform';

export type MaskFormVerdict = 'conforming' | 'stricter' | 'reveals-more';

/**
 * `conforming` when `none` is allowed, a required `mask:h,t` keeps exactly the form's head and
 * tail, or a required `mask-name` matches a name mask (surname kept, nothing at the end);
 * `stricter` when the form keeps no more than some required transform allows but is not its
 * form (e.g. `mask:2,4` where `mask:3,4` is required, or any mask where only `hmac-sm3` is);
 * `reveals-more` when it keeps more at one end than every required transform
 * (`mask:6,4` where `mask:3,4` is required). Unparseable required strings allow nothing.
 */
export function compareMaskForm(
  form: { head: number; tail: number; original?: string | null },
  required: readonly TransformInput[],
): MaskFormVerdict {
  let stricter = false;
  for (const input of required) {
    const t = toParsedTransform(input);
    if (!t) continue;
    if (t.kind === 'none') return 'conforming';
    if (t.kind === 'mask') {
      if (form.head === t.head && form.tail === t.tail) return 'conforming';
      if (form.head <= t.head && form.tail <= t.tail) stricter = true;
    } else if (t.kind === 'mask-name') {
      const nameLike = form.tail === 0 && (form.head === 1 || form.head === 2);
      if (nameLike && (form.original === 'person-name' || form.original === undefined || form.original === null)) return 'conforming';
      if (form.tail === 0 && form.head <= 2) stricter = true;
    } else if (form.head === 0 && form.tail === 0) {
      stricter = true;
    }
  }
  if (stricter) return 'stricter';
  // Transforms that keep nothing clear (hmac, hash, generalize …) make any visible character too much.
  return 'reveals-more';
}
