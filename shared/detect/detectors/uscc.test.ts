/**
 * Tests of the credit-code detector: generated organisation and sole-trader codes, every
 * changed check character, and the text scan.
 */
import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET } from '../../ids/uscc';
import { makeRandomUscc, seededRandom } from '../testing';
import { USCC_CONFIDENCE, checkUscc, findUsccs } from './uscc';

describe('checkUscc', () => {
  const random = seededRandom(14);

  it('reports an organisation code as not personal and a sole trader (92…) as personal', () => {
    for (let i = 0; i < 50; i++) {
      const org = makeRandomUscc(random);
      expect(checkUscc(org), org).toEqual({ detector: 'uscc', confidence: USCC_CONFIDENCE, personal: false });
      const trader = makeRandomUscc(random, true);
      expect(trader.startsWith('92')).toBe(true);
      expect(checkUscc(trader), trader).toEqual({ detector: 'uscc-sole-trader', confidence: USCC_CONFIDENCE, personal: true });
    }
  });

  it('rejects every wrong check character', () => {
    const code = makeRandomUscc(random);
    for (const c of USCC_ALPHABET) {
      if (c === code[17]) continue;
      expect(checkUscc(code.slice(0, 17) + c), c).toBeNull();
    }
  });

  it('rejects unknown departments, regions, letters outside the alphabet and other lengths', () => {
    const code = makeRandomUscc(random);
    expect(checkUscc(`Z${code.slice(1)}`)).toBeNull();
    expect(checkUscc(`${code.slice(0, 2)}990000${code.slice(8)}`)).toBeNull();
    expect(checkUscc(code.slice(0, 17))).toBeNull();
    expect(checkUscc(`${code.slice(0, 10)}I${code.slice(11)}`)).toBeNull();
  });
});

describe('findUsccs', () => {
  it('finds codes in text with exact offsets and ignores glued ones', () => {
    const code = makeRandomUscc(seededRandom(15), true);
    const text = `经营者（统一社会信用代码：${code}）`;
    const found: string[] = [];
    findUsccs(text, (_hit, start, end) => found.push(text.slice(start, end)));
    expect(found).toEqual([code]);
    const glued: string[] = [];
    findUsccs(`X${code}`, (_hit, start, end) => glued.push(String(start + end)));
    expect(glued).toEqual([]);
  });
});
