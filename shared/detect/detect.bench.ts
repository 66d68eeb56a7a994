/**
 * Micro-benchmark of the detectors (`npx vitest bench shared/detect --run`): detectCell over
 * 200,000 generated cells, non-matching short values and a realistic mix. One iteration scans
 * all 200,000 cells, so cells per second = hz × 200,000.
 */
import { bench, describe } from 'vitest';
import { detectCell, findInText } from './index';
import {
  NON_MATCHING_CELLS,
  makeBankCard,
  makeLandline,
  makeMobile,
  makeRandomResidentId,
  makeRandomUscc,
  pick,
  randomDigits,
  randomInt,
  seededRandom,
} from './testing';

/** Cells per iteration. */
const CELLS = 200_000;
const OPTIONS = { asOf: '2026-11-27' };

function nonMatchingCells(): string[] {
  const random = seededRandom(1);
  const cells: string[] = [];
  for (let i = 0; i < CELLS; i++) {
    const r = random();
    if (r < 0.5) cells.push(pick(random, NON_MATCHING_CELLS));
    else if (r < 0.75) cells.push(String(randomInt(random, 0, 99_999)));
    else cells.push(`${String(randomInt(random, 0, 9999))}.${randomDigits(random, 2)}`);
  }
  return cells;
}

const NAMES = ['张伟', '王小明', '李娜', '欧阳娜娜', '刘洋', '陈静'] as const;
const ADDRESSES = ['浙江省杭州市西湖区文三路123号2幢301室', '杭州市上城区解放路88号', '翠苑一区3栋2单元501室'] as const;
const MASKED = ['138****5678', '330***********1234', '张**', '****5678'] as const;
const OTHER = ['zhang.wei@example.com', '202.96.134.133', '30.274084,120.155070', 'e10adc3949ba59abbe56e057f20f883e', '浙A12345', 'E12345678'] as const;

/** About half ordinary values, half identifiers of every kind (as in a personal-data table). */
function mixedCells(): string[] {
  const random = seededRandom(2);
  const ordinary = nonMatchingCells();
  const cells: string[] = [];
  for (let i = 0; i < CELLS; i++) {
    switch (Math.floor(random() * 20)) {
      case 0:
      case 1:
        cells.push(makeMobile(random));
        break;
      case 2:
        cells.push(makeRandomResidentId(random));
        break;
      case 3:
        cells.push(makeLandline(random));
        break;
      case 4:
        cells.push(makeBankCard(random));
        break;
      case 5:
        cells.push(makeRandomUscc(random, random() < 0.3));
        break;
      case 6:
        cells.push(pick(random, NAMES));
        break;
      case 7:
        cells.push(pick(random, ADDRESSES));
        break;
      case 8:
        cells.push(pick(random, MASKED));
        break;
      case 9:
        cells.push(pick(random, OTHER));
        break;
      default:
        cells.push(ordinary[i]!);
    }
  }
  return cells;
}

const nonMatching = nonMatchingCells();
const mixed = mixedCells();
const text = mixed.slice(0, 2000).join('，');

describe('detectCell', () => {
  bench(`${CELLS} non-matching short cells`, () => {
    for (const cell of nonMatching) detectCell(cell, OPTIONS);
  });

  bench(`${CELLS} mixed cells`, () => {
    for (const cell of mixed) detectCell(cell, OPTIONS);
  });
});

describe('findInText', () => {
  bench('2,000 mixed values joined as one text', () => {
    findInText(text, OPTIONS);
  });
});
