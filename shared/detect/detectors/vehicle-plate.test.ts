/**
 * Tests of the vehicle-plate detector: ordinary, new-energy and suffixed plates of every
 * province, near misses, and the text scan.
 */
import { describe, expect, it } from 'vitest';
import { NEW_ENERGY_PLATE_CONFIDENCE, PLATE_CONFIDENCE, PROVINCE_ABBREVIATIONS, SUFFIX_PLATE_CONFIDENCE, checkVehiclePlate, findVehiclePlates } from './vehicle-plate';

function scan(text: string): string[] {
  const found: string[] = [];
  findVehiclePlates(text, (_hit, start, end) => found.push(text.slice(start, end)));
  return found;
}

describe('checkVehiclePlate', () => {
  it('accepts ordinary plates of every province, with or without a middle dot', () => {
    for (const province of PROVINCE_ABBREVIATIONS) {
      expect(checkVehiclePlate(`${province}A12345`)).toEqual({ detector: 'vehicle-plate', confidence: PLATE_CONFIDENCE, personal: true });
    }
    for (const value of ['浙A·12345', '浙A 1B234', '粤BAB123']) expect(checkVehiclePlate(value)?.confidence, value).toBe(PLATE_CONFIDENCE);
  });

  it('accepts new-energy plates with D/F first (small) or last (large)', () => {
    for (const value of ['粤BD12345', '京AF12345', '沪ADA1234', '浙AA12345', '苏E12345D', '川A12345F']) {
      expect(checkVehiclePlate(value)?.confidence, value).toBe(NEW_ENERGY_PLATE_CONFIDENCE);
    }
  });

  it('accepts suffixed plates; police and consular plates are not personal', () => {
    expect(checkVehiclePlate('粤Z1234港')).toEqual({ detector: 'vehicle-plate', confidence: SUFFIX_PLATE_CONFIDENCE, personal: true });
    expect(checkVehiclePlate('浙A1234学')?.personal).toBe(true);
    expect(checkVehiclePlate('浙A1234挂')?.personal).toBe(true);
    expect(checkVehiclePlate('京A1234警')?.personal).toBe(false);
    expect(checkVehiclePlate('沪A1234领')?.personal).toBe(false);
  });

  it('rejects near misses', () => {
    for (const value of ['港A12345', '浙I12345', '浙O12345', '浙a12345', '浙A1234', '浙A123456', '浙AABCDE', '浙A12345X', '浙A123456D', '浙AX12345', '浙A12345警', '浙A123O5']) {
      expect(checkVehiclePlate(value), value).toBeNull();
    }
  });
});

describe('findVehiclePlates', () => {
  it('finds plates in text and leaves a following word alone', () => {
    expect(scan('车牌号浙A12345，另有粤BD12345。')).toEqual(['浙A12345', '粤BD12345']);
    expect(scan('浙A12345学校门口')).toEqual(['浙A12345']);
    expect(scan('浙A1234学员')).toEqual(['浙A1234学']);
  });

  it('ignores plates glued to more letters or digits', () => {
    expect(scan('浙A1234567')).toEqual([]);
    expect(scan('浙A12345B9')).toEqual([]);
  });
});
