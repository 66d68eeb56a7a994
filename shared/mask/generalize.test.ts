/**
 * Tests of the generalize methods: address cutting at each level (provinces, municipalities,
 * autonomous regions, county-level cities), region codes, date parsing, and unknown methods.
 */
import { describe, expect, it } from 'vitest';
import { cutAddress, generalizeValue, parseDateParts } from './generalize';

describe('cutAddress', () => {
  it('cuts at the province, city and district', () => {
    const a = '浙江省杭州市西湖区文三路90号';
    expect(cutAddress(a, 'province')).toBe('浙江省');
    expect(cutAddress(a, 'city')).toBe('浙江省杭州市');
    expect(cutAddress(a, 'district')).toBe('浙江省杭州市西湖区');
  });

  it('handles municipalities, autonomous regions and county-level cities', () => {
    expect(cutAddress('上海市浦东新区世纪大道100号', 'city')).toBe('上海市');
    expect(cutAddress('上海市浦东新区世纪大道100号', 'district')).toBe('上海市浦东新区');
    expect(cutAddress('广西壮族自治区南宁市青秀区民族大道1号', 'city')).toBe('广西壮族自治区南宁市');
    expect(cutAddress('新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路', 'city')).toBe('新疆维吾尔自治区伊犁哈萨克自治州');
    expect(cutAddress('浙江省温州市乐清市柳市镇', 'district')).toBe('浙江省温州市乐清市');
  });

  it('stops at the finest level the address names, and gives up on non-addresses', () => {
    expect(cutAddress('杭州市文三路90号', 'district')).toBe('杭州市');
    expect(cutAddress('浙江省', 'city')).toBe('浙江省');
    expect(cutAddress('西湖区文三路', 'city')).toBeNull();
    expect(cutAddress('张三', 'city')).toBeNull();
    expect(cutAddress('', 'city')).toBeNull();
  });
});

describe('generalizeValue', () => {
  it('cuts region codes (6, 9 or 12 digits) to the level', () => {
    expect(generalizeValue('330106', 'region-province')).toBe('330000');
    expect(generalizeValue('330106', 'region-county')).toBe('330106');
    expect(generalizeValue('330106001001', 'region-city')).toBe('330100');
    expect(generalizeValue('３３０１０６', 'region-city')).toBe('330100');
  });

  it('returns null for unknown methods and values it cannot place', () => {
    expect(generalizeValue('34', 'age-band')).toBeNull();
    expect(generalizeValue('34', 'age-0y')).toBeNull();
    expect(generalizeValue('200', 'age-5y')).toBeNull();
    expect(generalizeValue('abc', 'age-5y')).toBeNull();
    expect(generalizeValue('abc', 'region-city')).toBeNull();
  });

  it('keeps open-ended and wide bands, re-bands narrow ones', () => {
    expect(generalizeValue('80+', 'age-5y')).toBe('80+');
    expect(generalizeValue('<18', 'age-5y')).toBe('<18');
    expect(generalizeValue('20～29岁', 'age-5y')).toBe('20～29岁');
    expect(generalizeValue('1990-1999', 'age-5y')).toBe('1990-1999');
    expect(generalizeValue('1991-1992', 'age-5y')).toBe('1990-1994');
  });
});

describe('parseDateParts', () => {
  it('reads the common date spellings', () => {
    expect(parseDateParts('1990-03-07')).toEqual({ year: 1990, month: 3, day: 7 });
    expect(parseDateParts('1990/3/7 12:00')).toEqual({ year: 1990, month: 3, day: 7 });
    expect(parseDateParts('1990-03-07T08:00:00+08:00')).toEqual({ year: 1990, month: 3, day: 7 });
    expect(parseDateParts('19900307')).toEqual({ year: 1990, month: 3, day: 7 });
    expect(parseDateParts('１９９０年３月７日')).toEqual({ year: 1990, month: 3, day: 7 });
    expect(parseDateParts('1990.03')).toEqual({ year: 1990, month: 3 });
    expect(parseDateParts('1990年')).toEqual({ year: 1990 });
  });

  it('rejects impossible parts and other numbers', () => {
    expect(parseDateParts('19901307')).toBeNull();
    expect(parseDateParts('1990-00-07')).toBeNull();
    expect(parseDateParts('12345678')).toBeNull();
    expect(parseDateParts('13812345678')).toBeNull();
    expect(parseDateParts('110101199003074477')).toBeNull();
  });
});
