/**
 * The scan's cell detections: isFreeText against the regular expressions it replaces, and the
 * promise the column profiler relies on (shortDecimalsUndetected): nothing is ever detected in
 * a short decimal.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/detect/testing';
import { isShortDecimal } from '../../../shared/profile/column-profiler';
import { cellDetections, isFreeText } from './cell-detections';

/** isFreeText as it was written with regular expressions: its specification. */
function freeTextByPattern(value: string): boolean {
  if (value.length < 8) return false;
  if (/[\u3400-\u9fff]/.test(value)) return true;
  return value.includes('@') || (/[\s,;，；:：、]/.test(value) && /\d{7}/.test(value));
}

describe('isFreeText', () => {
  it('agrees with its pattern on 200,000 random strings', () => {
    const random = seededRandom(3);
    const units = ['1', '3', '8', '0', 'a', 'Z', '@', ' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', ',', ';', '，', '；', ':', '：', '、', '-', '.', '张', '㐀', '鿿', '\ua000', '\u33ff', '０'];
    for (let k = 0; k < 200_000; k++) {
      let value = '';
      const length = Math.floor(random() * 20);
      for (let i = 0; i < length; i++) value += (random() < 0.5 ? units[Math.floor(random() * 4)] : units[Math.floor(random() * units.length)]) ?? '';
      if (isFreeText(value) !== freeTextByPattern(value)) expect.fail(`isFreeText(${JSON.stringify(value)}) = ${isFreeText(value)}`);
    }
  });

  it('tells running text from single tokens', () => {
    expect(isFreeText('联系人张三 13812345678')).toBe(true);
    expect(isFreeText('mail: a@example.cn')).toBe(true);
    expect(isFreeText('tel 1381234567')).toBe(true);
    expect(isFreeText('R000000001')).toBe(false);
    expect(isFreeText('DD2026112700123')).toBe(false);
    expect(isFreeText('12,345.67')).toBe(false);
  });
});

describe('cellDetections on short decimals', () => {
  it('finds nothing in any short decimal: 300,000 random ones and the edges of the grammar', () => {
    const random = seededRandom(17);
    const values = ['0', '1', '99', '1234567', '9999999', '1000000.001', '9999999.999', '0.001', '0.999', '1.5', '30.274', '120.155', '13800138', '138.0013'];
    for (let k = 0; k < 300_000; k++) {
      const digits = 1 + Math.floor(random() * 7);
      let value = String(1 + Math.floor(random() * 9));
      for (let i = 1; i < digits; i++) value += String(Math.floor(random() * 10));
      if (random() < 0.7) {
        value += '.';
        const decimals = 1 + Math.floor(random() * 3);
        for (let i = 0; i < decimals; i++) value += String(Math.floor(random() * 10));
      }
      values.push(value);
    }
    let checked = 0;
    for (const value of values) {
      if (!isShortDecimal(value)) continue;
      checked++;
      const found = cellDetections(value, '2026-11-27');
      if (found.length > 0) expect.fail(`${JSON.stringify(value)}: ${found.map((d) => d.detector).join(', ')}`);
    }
    expect(checked).toBeGreaterThan(299_000);
  });

  it('does detect what only just falls outside: eight digits, four decimals', () => {
    expect(isShortDecimal('12345678')).toBe(false);
    expect(isShortDecimal('30.2741')).toBe(false);
    expect(cellDetections('30.2741', '2026-11-27').map((d) => d.detector)).toContain('coordinates');
  });
});
