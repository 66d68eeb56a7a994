/**
 * Tests of applyMask: each transform of FORMATS.md §1 on ordinary and edge values (empty, one
 * character, CJK, surrogate pairs, full-width digits, values shorter than head + tail), and a
 * property test that a masked identifier shows no digit outside its allowed head and tail.
 */
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../ids/resident-id';
import { seededRandom } from '../detect/testing';
import { applyMask } from './apply-mask';

const seeded = seededRandom;

function digits(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10));
  return s;
}

/** True when `masked` shows `original` only at [0, head) and [n − tail, n) and stars elsewhere. */
function showsOnlyEnds(original: string, masked: string, head: number, tail: number): boolean {
  const o = Array.from(original);
  const m = Array.from(masked);
  if (o.length !== m.length) return false;
  return m.every((ch, i) => (i < head || i >= o.length - tail ? ch === o[i] : ch === '*'));
}

describe('applyMask: mask:<head>,<tail>', () => {
  it('keeps the head and tail and masks one star per character', () => {
    expect(applyMask('13812345678', 'mask:3,4')).toBe('138****5678');
    expect(applyMask('110101199003074477', 'mask:6,4')).toBe('110101********4477');
    expect(applyMask('13812345678', 'mask:0,0')).toBe('***********');
    expect(applyMask('13812345678', 'mask:0,4')).toBe('*******5678');
  });

  it('masks a value of head + tail characters or fewer whole', () => {
    expect(applyMask('1234567', 'mask:3,4')).toBe('*******');
    expect(applyMask('123456', 'mask:3,4')).toBe('******');
    expect(applyMask('12345678', 'mask:3,4')).toBe('123*5678');
    expect(applyMask('7', 'mask:3,4')).toBe('*');
    expect(applyMask('7', 'mask:0,0')).toBe('*');
    expect(applyMask('', 'mask:3,4')).toBe('');
  });

  it('counts CJK, surrogate pairs and full-width digits as one character each', () => {
    expect(applyMask('１３８１２３４５６７８', 'mask:3,4')).toBe('１３８****５６７８');
    expect(applyMask('浙江省杭州市西湖区', 'mask:3,2')).toBe('浙江省****湖区');
    const withPair = '𠮷野家𠮷𠮷𠮷𠮷'; // 𠮷 is a surrogate pair
    const masked = applyMask(withPair, 'mask:1,1');
    expect(masked).toBe('𠮷*****𠮷');
    expect(() => encodeURIComponent(masked)).not.toThrow(); // throws on a lone surrogate
    expect(applyMask('𠮷', 'mask:0,0')).toBe('*');
  });

  it('never shows middle digits of 1,000 generated mobiles and identity numbers', () => {
    const rand = seeded(20261127);
    for (let i = 0; i < 1000; i++) {
      const mobile = `1${3 + Math.floor(rand() * 7)}${digits(rand, 9)}`;
      const masked = applyMask(mobile, 'mask:3,4');
      expect(showsOnlyEnds(mobile, masked, 3, 4)).toBe(true);
      expect(masked.replace(/\D/g, '')).toBe(mobile.slice(0, 3) + mobile.slice(-4));

      const year = 1950 + Math.floor(rand() * 60);
      const id = makeResidentId({ region: '330106', birthDate: `${year}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, sequence: Math.floor(rand() * 1000) });
      for (const [head, tail] of [[3, 4], [6, 4], [1, 1]] as const) {
        const maskedId = applyMask(id, `mask:${head},${tail}`);
        expect(showsOnlyEnds(id, maskedId, head, tail)).toBe(true);
        // Every run of clear characters in the output is exactly the allowed head or tail.
        const runs = maskedId.split(/\*+/).filter((run) => run !== '');
        expect(runs).toEqual([id.slice(0, head), id.slice(id.length - tail)]);
      }
    }
  });
});

describe('applyMask: mask-name', () => {
  it('keeps the surname', () => {
    expect(applyMask('张三', 'mask-name')).toBe('张*');
    expect(applyMask('张三丰', 'mask-name')).toBe('张**');
    expect(applyMask('欧阳娜娜', 'mask-name')).toBe('欧阳**');
    expect(applyMask('司马光', 'mask-name')).toBe('司马*');
  });

  it('masks a one-character value and keeps one character of a two-character compound surname', () => {
    expect(applyMask('张', 'mask-name')).toBe('*');
    expect(applyMask('欧阳', 'mask-name')).toBe('欧*');
    expect(applyMask('', 'mask-name')).toBe('');
    expect(applyMask('𠮷田', 'mask-name')).toBe('𠮷*');
  });
});

describe('applyMask: generalize', () => {
  it('bands ages and birth dates (age-5y)', () => {
    expect(applyMask('34', 'generalize:age-5y')).toBe('30-34');
    expect(applyMask('35岁', 'generalize:age-5y')).toBe('35-39');
    expect(applyMask('０', 'generalize:age-5y')).toBe('0-4');
    expect(applyMask('1990-03-07', 'generalize:age-5y')).toBe('1990-1994');
    expect(applyMask('19900307', 'generalize:age-5y')).toBe('1990-1994');
    expect(applyMask('30-34', 'generalize:age-5y')).toBe('30-34');
    expect(applyMask('80岁以上', 'generalize:age-5y')).toBe('80岁以上');
    expect(applyMask('30-31', 'generalize:age-5y')).toBe('30-34');
    expect(applyMask('34', 'generalize:age-10y')).toBe('30-39');
  });

  it('cuts region codes and addresses to the city (region-city)', () => {
    expect(applyMask('330106', 'generalize:region-city')).toBe('330100');
    expect(applyMask('330100', 'generalize:region-city')).toBe('330100');
    expect(applyMask('浙江省杭州市西湖区文三路90号', 'generalize:region-city')).toBe('浙江省杭州市');
    expect(applyMask('北京市朝阳区建国路88号', 'generalize:region-city')).toBe('北京市');
    expect(applyMask('西湖区文三路90号', 'generalize:region-city')).toBe('*********');
  });

  it('cuts dates to the year or month', () => {
    expect(applyMask('1990-03-07', 'generalize:year')).toBe('1990');
    expect(applyMask('1990年3月7日', 'generalize:month')).toBe('1990-03');
    expect(applyMask('1990-03', 'generalize:month')).toBe('1990-03');
    expect(applyMask('1990', 'generalize:month')).toBe('1990');
    expect(applyMask('not a date', 'generalize:year')).toBe('**********');
  });

  it('masks whole under an unknown method', () => {
    expect(applyMask('30-39', 'generalize:age-band')).toBe('*****');
    expect(applyMask('x', 'generalize:whatever')).toBe('*');
    expect(applyMask('', 'generalize:whatever')).toBe('');
  });
});

describe('applyMask: other transforms', () => {
  const sm3 = 'sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
  const md5 = 'e10adc3949ba59abbe56e057f20f883e';

  it('none shows the value and suppress a single star', () => {
    expect(applyMask('13812345678', 'none')).toBe('13812345678');
    expect(applyMask('13812345678', 'suppress')).toBe('*');
    expect(applyMask('', 'suppress')).toBe('');
  });

  it('hmac and hash show digests as they are and mask clear values whole', () => {
    expect(applyMask(sm3, 'hmac-sm3')).toBe(sm3);
    expect(applyMask(md5, 'hash-md5')).toBe(md5);
    expect(applyMask(md5.toUpperCase(), 'hash-md5')).toBe(md5.toUpperCase());
    expect(applyMask('13812345678', 'hmac-sm3')).toBe('***********');
    expect(applyMask('4'.repeat(32), 'hash-md5')).toBe('*'.repeat(32));
  });

  it('encrypt-sm4 and tokenize show tokens as they are and mask clear values whole', () => {
    expect(applyMask('2f1c8a3e-4b6d-4e2a-9c1b-0a7d3e5f6b8c', 'tokenize')).toBe('2f1c8a3e-4b6d-4e2a-9c1b-0a7d3e5f6b8c');
    expect(applyMask('tok_8Jd7Kq2Lm9Pz4Xc1Vb6N', 'tokenize')).toBe('tok_8Jd7Kq2Lm9Pz4Xc1Vb6N');
    expect(applyMask('q83vEjRzZ4k0n9xW2yP7Lw==', 'encrypt-sm4')).toBe('q83vEjRzZ4k0n9xW2yP7Lw==');
    expect(applyMask('91330106MA2B3C4D5E', 'tokenize')).toBe('******************');
    expect(applyMask('110101199003074477', 'encrypt-sm4')).toBe('******************');
  });

  it('aggregate and noise show numbers and mask anything else', () => {
    expect(applyMask('1234.5', 'noise')).toBe('1234.5');
    expect(applyMask('-3', 'aggregate')).toBe('-3');
    expect(applyMask('1,234', 'aggregate')).toBe('1,234');
    expect(applyMask('张三', 'aggregate')).toBe('**');
  });

  it('masks whole under a string that is not a transform', () => {
    expect(applyMask('13812345678', 'mask:3')).toBe('***********');
  });
});
