/**
 * Tests of the detailed-address heuristic: house numbers with roads and rooms, communities
 * with buildings and units, lead-ins, and the many 号 that are not house numbers.
 */
import { describe, expect, it } from 'vitest';
import { ADDRESS_CONFIDENCE, ADDRESS_WITH_ROOM_CONFIDENCE, ADMIN_NUMBER_CONFIDENCE, STREET_LEVEL_CELL_CONFIDENCE, checkAddress, findAddresses } from './address';
import type { Hit } from './common';

function scan(text: string): { text: string; hit: Hit }[] {
  const found: { text: string; hit: Hit }[] = [];
  findAddresses(text, (hit, start, end) => found.push({ text: text.slice(start, end), hit }));
  return found;
}

describe('checkAddress', () => {
  it('scores detailed addresses high', () => {
    expect(checkAddress('浙江省杭州市西湖区文三路123号2幢301室')).toEqual({ detector: 'address', confidence: ADDRESS_WITH_ROOM_CONFIDENCE, personal: true });
    expect(checkAddress('杭州市西湖区文三路123号')?.confidence).toBe(ADDRESS_CONFIDENCE);
    expect(checkAddress('上海市黄浦区南京东路100弄5号')?.confidence).toBe(ADDRESS_WITH_ROOM_CONFIDENCE);
    expect(checkAddress('翠苑一区3栋2单元501室')?.confidence).toBe(ADDRESS_WITH_ROOM_CONFIDENCE);
    expect(checkAddress('北京市朝阳区建国路八十八号')?.confidence).toBe(ADDRESS_CONFIDENCE);
    expect(checkAddress('西湖区12号')?.confidence).toBe(ADMIN_NUMBER_CONFIDENCE);
    expect(checkAddress('翠苑小区3号楼2单元')?.confidence).toBe(ADDRESS_WITH_ROOM_CONFIDENCE);
  });

  it('gives a road without a number a low likelihood and a district alone none', () => {
    expect(checkAddress('杭州市西湖区文三路')?.confidence).toBe(STREET_LEVEL_CELL_CONFIDENCE);
    expect(checkAddress('杭州市西湖区')).toBeNull();
    expect(checkAddress('浙江省杭州市')).toBeNull();
    expect(checkAddress('西湖区')).toBeNull();
  });

  it('ignores numbers that are not house numbers', () => {
    expect(checkAddress('地铁2号线')).toBeNull();
    expect(checkAddress('浙政发〔2023〕3号文')).toBeNull();
    expect(checkAddress('会议定于6月1号召开')).toBeNull();
    expect(checkAddress('第3号公告')).toBeNull();
  });
});

describe('findAddresses', () => {
  it('starts after the lead-in and ends after the room', () => {
    expect(scan('地址：浙江省杭州市西湖区文三路123号2幢301室，电话0571-87654321').map((f) => f.text)).toEqual(['浙江省杭州市西湖区文三路123号2幢301室']);
    expect(scan('他家住在杭州市文三路12号。').map((f) => f.text)).toEqual(['杭州市文三路12号']);
  });

  it('keeps a phone number before the address out of the range', () => {
    expect(scan('电话13812345678文三路12号').map((f) => f.text)).toEqual(['文三路12号']);
  });

  it('finds several addresses in one text', () => {
    expect(scan('以前住在文三路12号，现搬到教工路88号3单元。').map((f) => f.text)).toEqual(['文三路12号', '教工路88号3单元']);
  });
});
