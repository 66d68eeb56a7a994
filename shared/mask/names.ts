/**
 * `mask-name`: a personal name with only the surname kept (`张三` → `张*`, `欧阳娜娜` → `欧阳**`).
 * Compound surnames are recognised from a list of the common two-character ones.
 */
import { MASK_CHAR, codePoints } from './chars';

/** Two-character surnames (复姓) kept whole by mask-name. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐',
  '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '申屠', '澹台', '公冶', '宗政', '濮阳', '太史', '万俟',
  '闻人', '赫连', '钟离', '呼延', '第五', '百里', '东郭', '拓跋', '淳于', '单于', '司空', '闾丘', '亓官',
  '司寇', '子车', '颛孙', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良', '谷梁', '宰父', '羊舌', '微生',
  '梁丘', '左丘', '东门', '公羊', '段干', '仲孙', '叔孙', '鲜于', '哥舒', '完颜', '爱新',
]);

/**
 * The number of leading characters mask-name keeps: two for a compound surname followed by a
 * given name, otherwise one; zero for a one-character value (nothing would stay hidden).
 */
export function surnameLength(name: string): number {
  const chars = codePoints(name.trim());
  if (chars.length <= 1) return 0;
  if (chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!)) return 2;
  return 1;
}

/**
 * A name with the surname kept and every other character masked (`张三丰` → `张**`). Leading and
 * trailing spaces are dropped; a one-character value is masked whole.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  const chars = codePoints(trimmed);
  if (chars.length === 0) return '';
  const keep = surnameLength(trimmed);
  return chars.slice(0, keep).join('') + MASK_CHAR.repeat(chars.length - keep);
}
