/**
 * Tests of the column profiler: every statistic on hand-made cells, a profile over generated
 * data mixing nulls, masked and clear values, the schema round trip, and that no raw value
 * reaches the profile.
 */
import { describe, expect, it } from 'vitest';
import { detectCell } from '../detect';
import { seededRandom } from '../detect/testing';
import type { Detection, DigestShape } from '../detect/types';
import { maskShapeOf } from '../mask/chars';
import { ColumnProfile } from './column-profile';
import { type FieldDeclaration, createColumnProfiler, isShortDecimal, parseColumnProfile } from './column-profiler';
import { precisionLossKind } from './precision-loss';

function field(name: string, transform: string, cls: FieldDeclaration['class'] = 'personal', grade = 3): FieldDeclaration {
  return { name, dataset: 'ZJ-SCJG-0012', type: 'string', class: cls, grade, transform };
}

const SHA256: DigestShape = { encoding: 'hex', algorithms: ['sha256', 'sm3'], upperCase: false };
const MD5: DigestShape = { encoding: 'hex', algorithms: ['md5'], upperCase: false };

/** Stand-in for shared/detect: what the real detectors would say about these test values. */
function detect(value: string | null): Detection[] {
  if (value === null) return [];
  const whole = { start: 0, end: value.length };
  if (/^1[3-9]\d{9}$/.test(value)) return [{ detector: 'cn-mobile', confidence: 0.99, personal: true, ...whole }];
  if (/^\d{17}[\dX]$/.test(value)) return [{ detector: 'cn-resident-id', confidence: 0.99, personal: true, ...whole }];
  const shape = maskShapeOf(value);
  if (shape) return [{ detector: 'masked', confidence: 0.95, personal: true, ...whole, mask: { ...shape, original: value.length === 11 ? 'cn-mobile' : null } }];
  if (/^[0-9a-f]{64}$/.test(value)) return [{ detector: 'digest', confidence: 0.9, personal: false, ...whole, digest: SHA256 }];
  if (/^[0-9a-f]{32}$/.test(value)) return [{ detector: 'digest', confidence: 0.9, personal: false, ...whole, digest: MD5 }];
  return [];
}

function profileOf(values: ReadonlyArray<string | null>, declared?: FieldDeclaration, cap?: number): ColumnProfile {
  const profiler = createColumnProfiler(declared, cap === undefined ? { name: 'col' } : { name: 'col', rowSampleCap: cap });
  values.forEach((value, i) => profiler.add(i + 1, value, detect(value)));
  return profiler.finish();
}

describe('createColumnProfiler: counts', () => {
  it('profiles an empty column', () => {
    const p = profileOf([]);
    expect(p).toMatchObject({ name: 'col', rows: 0, nulls: 0, nullRate: 0, distinctEstimate: 0, minLength: null, maxLength: null, detected: [], maskForms: [], declared: null, maskConformance: null });
    expect(ColumnProfile.parse(p)).toEqual(p);
  });

  it('counts nulls, empty and blank cells as nulls', () => {
    const p = profileOf([null, '', '   ', '\u3000', 'a', 'bb']);
    expect(p.rows).toBe(6);
    expect(p.nulls).toBe(4);
    expect(p.nullRate).toBeCloseTo(4 / 6);
    expect(p.distinctEstimate).toBe(2);
  });

  it('measures lengths in characters', () => {
    const p = profileOf(['张三', '欧阳娜娜', '𠮷', 'abcdef']);
    expect(p.minLength).toBe(1);
    expect(p.maxLength).toBe(6);
  });

  it('estimates distinct values and never above the non-null count', () => {
    const values = Array.from({ length: 3000 }, (_, i) => ['男', '女', '未知'][i % 3]!);
    expect(profileOf(values).distinctEstimate).toBe(3);
    const unique = Array.from({ length: 20_000 }, (_, i) => `v${i}`);
    const d = profileOf(unique).distinctEstimate;
    expect(d).toBeLessThanOrEqual(20_000);
    expect(Math.abs(d - 20_000) / 20_000).toBeLessThan(0.03);
  });

  it('takes the name from the declaration', () => {
    expect(createColumnProfiler(field('legal_rep_phone', 'mask:3,4')).finish().name).toBe('legal_rep_phone');
    expect(createColumnProfiler().finish().name).toBe('');
  });
});

describe('createColumnProfiler: detections', () => {
  it('counts cells per detector, most first, with the first rows', () => {
    const values = ['13812345678', 'x', '13912345678', '110101199003074477', '13712345678', null];
    const p = profileOf(values, undefined, 2);
    expect(p.detected).toEqual([
      { detector: 'cn-mobile', count: 3, share: 0.6, personal: true, rows: [1, 3] },
      { detector: 'cn-resident-id', count: 1, share: 0.2, personal: true, rows: [4] },
    ]);
  });

  it('counts a detector once per cell however often it fires there', () => {
    const profiler = createColumnProfiler();
    const twice: Detection[] = [
      { detector: 'cn-mobile', confidence: 0.99, personal: true, start: 0, end: 11 },
      { detector: 'cn-mobile', confidence: 0.99, personal: true, start: 12, end: 23 },
    ];
    profiler.add(1, '13812345678 13912345678', twice);
    expect(profiler.finish().detected[0]).toMatchObject({ detector: 'cn-mobile', count: 1 });
  });

  it('caps listed rows at 100 whatever the option says', () => {
    const values = Array.from({ length: 500 }, () => '13812345678');
    expect(profileOf(values, undefined, 1000).detected[0]!.rows).toHaveLength(100);
    expect(profileOf(values).detected[0]!.rows).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(profileOf(values, undefined, 0).detected[0]!.rows).toEqual([]);
  });
});

describe('createColumnProfiler: masking', () => {
  it('collects mask forms and checks them against a declared mask', () => {
    const values = ['138****5678', '139****1234', '110101********4477', '13****5678', '13812345678', null, '137****0000'];
    const p = profileOf(values, field('phone', 'mask:3,4'));
    expect(p.maskForms).toEqual([
      { head: 3, tail: 4, maskChar: '*', length: 11, original: 'cn-mobile', count: 3 },
      { head: 2, tail: 4, maskChar: '*', length: 10, original: null, count: 1 },
      { head: 6, tail: 4, maskChar: '*', length: 18, original: null, count: 1 },
    ]);
    expect(p.maskConformance).toEqual({ transform: 'mask:3,4', conforming: 3, nonconforming: 2, revealsMore: 1, clear: 1, nonconformingRows: [3, 4], clearRows: [5] });
    expect(p.inconsistentMasking).toBe(true);
  });

  it('reports consistent masking and no conformance for other transforms', () => {
    const p = profileOf(['138****5678', '139****1234'], field('phone', 'hmac-sm3'));
    expect(p.inconsistentMasking).toBe(false);
    expect(p.maskConformance).toBeNull();
  });

  it('treats name masks of different surname lengths as one form', () => {
    const profiler = createColumnProfiler(field('name', 'mask-name'));
    const name = (value: string, head: number): Detection[] => [
      { detector: 'masked', confidence: 0.9, personal: true, start: 0, end: value.length, mask: { head, tail: 0, length: value.length, maskChar: '*', original: 'person-name' } },
    ];
    profiler.add(1, '张*', name('张*', 1));
    profiler.add(2, '欧阳**', name('欧阳**', 2));
    const p = profiler.finish();
    expect(p.maskForms).toHaveLength(2);
    expect(p.inconsistentMasking).toBe(false);
  });

  it('tells mask characters apart', () => {
    expect(profileOf(['138****5678', '138××××5678']).inconsistentMasking).toBe(true);
  });
});

describe('createColumnProfiler: digests', () => {
  it('reports the share, algorithms and uniqueness of digest cells', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i.toString(16).padStart(2, '0') + 'ab').repeat(16));
    const p = profileOf(values, field('phone_digest', 'hmac-sm3'));
    expect(p.digest).toEqual({ count: 100, share: 1, algorithms: ['sha256', 'sm3'], shapes: [{ encoding: 'hex', algorithms: ['sha256', 'sm3'], upperCase: false, count: 100 }], nearUnique: true });
  });

  it('is not near-unique when digests repeat, and counts only cells that are a digest as a whole', () => {
    const md5 = 'e10adc3949ba59abbe56e057f20f883e';
    const profiler = createColumnProfiler();
    for (let i = 1; i <= 10; i++) profiler.add(i, md5, detect(md5));
    const prefixed = `md5:${md5}`;
    profiler.add(11, prefixed, [{ detector: 'digest', confidence: 0.9, personal: false, start: 4, end: prefixed.length, digest: MD5 }]);
    const inText = `hash ${md5} here`;
    profiler.add(12, inText, [{ detector: 'digest', confidence: 0.9, personal: false, start: 5, end: 37, digest: MD5 }]);
    const p = profiler.finish();
    expect(p.digest.count).toBe(11);
    expect(p.digest.algorithms).toEqual(['md5']);
    expect(p.digest.nearUnique).toBe(false);
    expect(p.detected[0]).toMatchObject({ detector: 'digest', count: 12 });
  });
});

describe('precision loss', () => {
  it('recognises the float forms of long identifiers', () => {
    expect(precisionLossKind('1.10105E+17')).toBe('exponent');
    expect(precisionLossKind('6.22202E18')).toBe('exponent');
    expect(precisionLossKind('110105199003070000')).toBe('trailing-zeros');
    expect(precisionLossKind('110105199003074477.0')).toBe('dot-zero');
    expect(precisionLossKind('622202123456789.0')).toBe('dot-zero');
  });

  it('leaves ordinary numbers and intact identifiers alone', () => {
    for (const v of ['1.5E+3', '123000', '110101199003074477', '13812345678', '12345678901234.0', '1000000000000000.5', 'abc', '']) {
      expect(precisionLossKind(v), v).toBeNull();
    }
  });

  it('counts affected cells with their rows', () => {
    const p = profileOf(['1.10105E+17', '110101199003074477', '110105199003070000', null, '3.3010619E+17']);
    expect(p.precisionLoss).toEqual({ count: 3, rows: [1, 3, 5] });
  });
});

describe('numeric statistics', () => {
  it('gives the share and range of a public numeric column', () => {
    const p = profileOf(['12', '3.5', '-4', '1,200', 'n/a', null], field('employees', 'none', 'public', 1));
    expect(p.numeric).toEqual({ count: 4, share: 0.8, min: -4, max: 1200, rangeWithheld: false });
  });

  it('withholds the range of personal, undeclared and identifier-like columns', () => {
    expect(profileOf(['5200', '8800'], field('salary', 'noise', 'sensitive-personal')).numeric).toEqual({ count: 2, share: 1, min: null, max: null, rangeWithheld: true });
    expect(profileOf(['5200', '8800']).numeric.rangeWithheld).toBe(true);
    expect(profileOf(['13812345678', '12'], field('x', 'none', 'public', 1)).numeric.rangeWithheld).toBe(true);
    expect(profileOf(['0571', '12'], field('x', 'none', 'public', 1)).numeric.rangeWithheld).toBe(true);
    expect(profileOf(['a', 'b'], field('x', 'none', 'public', 1)).numeric).toEqual({ count: 0, share: 0, min: null, max: null, rangeWithheld: false });
  });
});

describe('a profile over generated data', () => {
  it('profiles a mixed phone column and carries no raw value', () => {
    let seed = 12345;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const phones: string[] = [];
    const values: Array<string | null> = [];
    let expectNull = 0;
    let expectClear = 0;
    let expectMasked = 0;
    let expectWide = 0;
    for (let i = 0; i < 10_000; i++) {
      const phone = `1${3 + next(7)}${String(next(1e9)).padStart(9, '0')}`;
      const kind = next(20);
      if (kind < 2) {
        values.push(kind === 0 ? null : '');
        expectNull++;
      } else if (kind < 4) {
        values.push(phone);
        phones.push(phone);
        expectClear++;
      } else if (kind < 5) {
        values.push(`${phone.slice(0, 5)}**${phone.slice(7)}`);
        expectWide++;
      } else {
        values.push(`${phone.slice(0, 3)}****${phone.slice(7)}`);
        expectMasked++;
      }
    }
    const p = profileOf(values, field('legal_rep_phone', 'mask:3,4'));
    expect(p.rows).toBe(10_000);
    expect(p.nulls).toBe(expectNull);
    expect(p.detected.map((d) => d.detector)).toEqual(['masked', 'cn-mobile']);
    expect(p.detected[1]!.count).toBe(expectClear);
    expect(p.maskConformance).toMatchObject({ conforming: expectMasked, nonconforming: expectWide, revealsMore: expectWide, clear: expectClear });
    expect(p.inconsistentMasking).toBe(true);
    expect(p.minLength).toBe(11);
    expect(p.maxLength).toBe(11);
    expect(p.numeric.rangeWithheld).toBe(true);
    expect(Math.abs(p.distinctEstimate - (10_000 - expectNull)) / (10_000 - expectNull)).toBeLessThan(0.03);

    const json = JSON.stringify(parseColumnProfile(JSON.parse(JSON.stringify(p))));
    for (const phone of phones) expect(json.includes(phone)).toBe(false);
    // Row numbers here have at most 5 digits; nothing longer (a phone, its middle and tail) is in the profile.
    expect(json.match(/(?<![.\d])\d{6,}/g)).toBeNull();
  });

  it('keeps add cheap enough for a million rows', () => {
    const profiler = createColumnProfiler(field('legal_rep_phone', 'mask:3,4'));
    const masked: Detection[] = [{ detector: 'masked', confidence: 0.95, personal: true, start: 0, end: 11, mask: { head: 3, tail: 4, length: 11, maskChar: '*', original: 'cn-mobile' } }];
    const started = performance.now();
    for (let i = 1; i <= 200_000; i++) profiler.add(i, `138****${String(i % 10_000).padStart(4, '0')}`, masked);
    const perRow = (performance.now() - started) / 200_000;
    expect(profiler.finish().maskConformance?.conforming).toBe(200_000);
    // Generous bound so a slow CI machine passes: 1,000,000 rows stay well under 10 seconds.
    expect(perRow * 1_000_000).toBeLessThan(10_000);
  });
});

describe('createColumnProfiler: masked values by shape', () => {
  it('profiles unique masked values exactly as when every value is detected', () => {
    const random = seededRandom(97);
    const heads = ['13', '19', '12', '33', '11', '91', '02', 'E1', '张', '欧阳', '王'];
    const values: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const head = heads[Math.floor(random() * heads.length)]!;
      const digits = () => String(Math.floor(random() * 1e8)).padStart(8, '0');
      const pick = random();
      values.push(
        pick < 0.3
          ? `${head}${digits().slice(0, 1)}****${digits().slice(0, 4)}`
          : pick < 0.5
            ? `${head}${digits().slice(0, 4)}********${digits().slice(0, 4)}`
            : pick < 0.6
              ? `${head}**`
              : pick < 0.7
                ? ` ${head}${digits().slice(0, 1)}****${digits().slice(0, 4)}`
                : pick < 0.8
                  ? `${head}${digits()}${digits().slice(0, 1)}`
                  : `${head}#${digits().slice(0, 3)}×${digits().slice(0, 2)}`,
      );
    }
    const field = { name: 'v', dataset: 'D', type: 'string', class: 'personal' as const, grade: 3, transform: 'mask:3,4' };
    const detect = (v: string) => detectCell(v, { asOf: '2026-11-27' }).filter((d) => d.confidence >= 0.5);
    const plain = createColumnProfiler(field, { detect });
    const byShape = createColumnProfiler(field, { detect, maskedByShape: true });
    values.forEach((v, i) => {
      plain.addValue(i + 1, v);
      byShape.addValue(i + 1, v);
    });
    expect(byShape.finish()).toEqual(plain.finish());
  });
});

describe('createColumnProfiler: short decimals', () => {
  // The grammar isShortDecimal implements, as a pattern.
  const SHORT_DECIMAL = /^(?:0|[1-9]\d{0,6})(?:\.\d{1,3})?$/;

  it('isShortDecimal is exactly its pattern on 200,000 random strings of digits, points and signs', () => {
    const random = seededRandom(5);
    const units = ['0', '0', '1', '5', '9', '.', '-', '+', ' ', 'e', '０', ','];
    for (let k = 0; k < 200_000; k++) {
      let value = '';
      const length = Math.floor(random() * 14);
      for (let i = 0; i < length; i++) value += units[Math.floor(random() * units.length)] ?? '';
      if (isShortDecimal(value) !== SHORT_DECIMAL.test(value)) expect.fail(`isShortDecimal(${JSON.stringify(value)}) = ${isShortDecimal(value)}`);
    }
    for (const value of ['0', '7', '42', '7549.96', '1234567', '1234567.125', '0.5']) expect(isShortDecimal(value), value).toBe(true);
    for (const value of ['', '.5', '5.', '007', '12345678', '1.2345', '-1', '+1', ' 1', '1 ', '1e5', '1,000', '１２']) expect(isShortDecimal(value), value).toBe(false);
  });

  it('profiles a column of numbers exactly as when every value is detected (range shown and withheld)', () => {
    const random = seededRandom(23);
    const amount = (): string | null => {
      const pick = random();
      // Mostly short decimals (the extremes among them), some that are not.
      const integer = String(1 + Math.floor(random() * 10 ** Math.floor(1 + random() * 6)));
      if (pick < 0.7) return `${integer}.${String(Math.floor(random() * 100)).padStart(2, '0')}`;
      if (pick < 0.85) return integer;
      if (pick < 0.9) return null;
      if (pick < 0.95) return `${integer}.${String(Math.floor(random() * 1e6)).padStart(6, '0')}`;
      return `+${integer}`;
    };
    // The extremes come late, when the column no longer remembers values: read by the fast path.
    const amounts = [...Array.from({ length: 30_000 }, amount), '0.001', '9999999.999'];
    // With codes among them (a leading zero, a mobile number), the range is withheld.
    const mixed = amounts.map((v, i) => (i % 50 === 7 ? `0${v ?? 1}` : i % 50 === 31 ? `13${String(i).padStart(9, '0')}` : v));
    const detect = (v: string) => detectCell(v, { asOf: '2026-11-27' }).filter((d) => d.confidence >= 0.5);
    for (const [label, values] of [['amounts', amounts], ['mixed', mixed]] as const) {
      for (const declared of [field('amount', 'none', 'public', 1), field('amount', 'none', 'personal', 3), field('amount', 'mask:3,4')]) {
        const plain = createColumnProfiler(declared, { detect });
        const fast = createColumnProfiler(declared, { detect, maskedByShape: true, shortDecimalsUndetected: true });
        values.forEach((v, i) => {
          plain.addValue(i + 1, v);
          fast.addValue(i + 1, v);
        });
        const profile = fast.finish();
        expect(profile, `${label}, ${declared.class}`).toEqual(plain.finish());
        const shown = label === 'amounts' && declared.class === 'public';
        expect([profile.numeric.min, profile.numeric.max], `${label}, ${declared.class}`).toEqual(shown ? [0.001, 9999999.999] : [null, null]);
      }
    }
  });
});

describe('createColumnProfiler: remembered values', () => {
  it('counts repeated values as add() does with their detections, distinct estimate included', () => {
    const random = seededRandom(31);
    const districts = ['西湖区', '余杭区', '上城区', '拱墅区', '滨江区', '萧山区', '临平区', '钱塘区'];
    const values = Array.from({ length: 50_000 }, (_, i) => (i % 97 === 0 ? `${districts[Math.floor(random() * 8)]}${i}` : districts[Math.floor(random() * 8)]!));
    const detectFor = (v: string) => detectCell(v, { asOf: '2026-11-27' }).filter((d) => d.confidence >= 0.5);
    const remembered = createColumnProfiler(field('district', 'none', 'public', 1), { detect: detectFor });
    const each = createColumnProfiler(field('district', 'none', 'public', 1));
    values.forEach((v, i) => {
      remembered.addValue(i + 1, v);
      each.add(i + 1, v, detectFor(v));
    });
    const profile = remembered.finish();
    expect(profile).toEqual(each.finish());
    expect(profile.distinctEstimate).toBeGreaterThan(500);
  });
});
