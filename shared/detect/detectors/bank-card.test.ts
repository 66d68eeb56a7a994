/**
 * Tests of the bank-card detector: Luhn and BIN as confidence (generated cards of each scheme,
 * changed digits, implausible issuers), ID-shaped numbers, and the grouped text forms.
 */
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../ids/resident-id';
import { makeBankCard, seededRandom } from '../testing';
import {
  CARD_CONTEXT_FLOOR,
  CARD_ID_SHAPED_CAP,
  CARD_LUHN,
  CARD_LUHN_KNOWN_BIN,
  CARD_LUHN_NO_ISSUER,
  CARD_NO_LUHN,
  CARD_NO_LUHN_KNOWN_BIN,
  CARD_NO_LUHN_NO_ISSUER,
  checkBankCard,
  findBankCards,
  issuerClass,
  luhnCheckDigit,
  luhnValid,
} from './bank-card';

function scan(text: string): { text: string; confidence: number }[] {
  const found: { text: string; confidence: number }[] = [];
  findBankCards(text, (hit, start, end) => found.push({ text: text.slice(start, end), confidence: hit.confidence }));
  return found;
}

/** The same number with its last digit changed: Luhn fails. */
function breakLuhn(card: string): string {
  return card.slice(0, -1) + String((Number(card.slice(-1)) + 1) % 10);
}

describe('luhn', () => {
  it('validates known test numbers and computes check digits', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnCheckDigit('411111111111111')).toBe('1');
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('41a1')).toBe(false);
  });
});

describe('issuerClass', () => {
  it('knows the schemes and domestic prefixes', () => {
    for (const prefix of ['62', '81', '4', '51', '55', '2221', '2720', '35', '60', '65', '644', '95', '36']) expect(issuerClass(`${prefix}0000000000000000`), prefix).toBe('known');
    for (const prefix of ['56', '58', '31', '99', '63']) expect(issuerClass(`${prefix}00000000000000`), prefix).toBe('plausible');
    for (const prefix of ['0', '1', '7', '80', '2026', '2220', '2721']) expect(issuerClass(`${prefix}000000000000000`), prefix).toBe('none');
  });
});

describe('checkBankCard', () => {
  it('reports generated UnionPay cards of every length at ≥ 0.9', () => {
    const random = seededRandom(4);
    for (let length = 16; length <= 19; length++) {
      for (let i = 0; i < 25; i++) {
        const card = makeBankCard(random, '622202', length);
        expect(checkBankCard(card), card).toEqual({ detector: 'bank-card', confidence: CARD_LUHN_KNOWN_BIN, personal: true });
      }
    }
  });

  it('scores Visa, Mastercard and plausible issuers', () => {
    const random = seededRandom(9);
    expect(checkBankCard(makeBankCard(random, '4', 16))?.confidence).toBe(CARD_LUHN_KNOWN_BIN);
    expect(checkBankCard(makeBankCard(random, '53', 16))?.confidence).toBe(CARD_LUHN_KNOWN_BIN);
    expect(checkBankCard(makeBankCard(random, '2300', 16))?.confidence).toBe(CARD_LUHN_KNOWN_BIN);
    expect(checkBankCard(makeBankCard(random, '58', 16))?.confidence).toBe(CARD_LUHN);
  });

  it('treats a failing Luhn as low confidence, not as a filter', () => {
    const random = seededRandom(10);
    const card = makeBankCard(random, '622202', 19);
    expect(checkBankCard(breakLuhn(card))?.confidence).toBe(CARD_NO_LUHN_KNOWN_BIN);
    expect(checkBankCard(breakLuhn(makeBankCard(random, '58', 16)))?.confidence).toBe(CARD_NO_LUHN);
    expect(CARD_NO_LUHN_KNOWN_BIN).toBeLessThanOrEqual(0.4);
  });

  it('keeps Luhn-valid numbers without an issuer (order numbers) moderate', () => {
    const random = seededRandom(12);
    const order = makeBankCard(random, '20261127', 16);
    expect(checkBankCard(order)?.confidence).toBe(CARD_LUHN_NO_ISSUER);
    expect(checkBankCard(breakLuhn(order))?.confidence).toBe(CARD_NO_LUHN_NO_ISSUER);
  });

  it('caps an 18-digit number that reads as a resident ID', () => {
    // Find a sequence whose ID happens to pass Luhn too; it must not become a confident card.
    for (let sequence = 0; sequence < 200; sequence++) {
      const id = makeResidentId({ region: '330106', birthDate: '1990-03-07', sequence });
      if (!luhnValid(id)) continue;
      expect(checkBankCard(id, { asOf: '2026-11-27' })?.confidence).toBe(CARD_ID_SHAPED_CAP);
      return;
    }
    throw new Error('no Luhn-valid ID in 200 sequences');
  });

  it('rejects other lengths, non-digits and a repeated digit', () => {
    expect(checkBankCard('622202123456789')).toBeNull();
    expect(checkBankCard('62220212345678901234')).toBeNull();
    expect(checkBankCard('622202123456789a')).toBeNull();
    expect(checkBankCard('0000000000000000')).toBeNull();
  });
});

describe('findBankCards', () => {
  const random = seededRandom(13);
  const card = makeBankCard(random, '622202', 16);
  const grouped = card.replace(/(\d{4})(?=\d)/g, '$1 ');

  it('finds contiguous and grouped numbers', () => {
    expect(scan(`卡号${card}。`).map((f) => f.text)).toEqual([card]);
    expect(scan(`card: ${grouped}`).map((f) => f.text)).toEqual([grouped]);
    const card19 = makeBankCard(random, '621700', 19);
    const grouped19 = card19.replace(/(\d{4})(?=\d)/g, '$1-');
    expect(scan(`转入 ${grouped19} 账户`).map((f) => f.text)).toEqual([grouped19]);
  });

  it('raises a number after a card label to at least the floor', () => {
    const bad = breakLuhn(card);
    expect(scan(`号码 ${bad}`)[0]?.confidence).toBe(CARD_NO_LUHN_KNOWN_BIN);
    expect(scan(`银行卡号 ${bad}`)[0]?.confidence).toBe(CARD_CONTEXT_FLOOR);
  });

  it('ignores numbers inside longer runs or codes', () => {
    expect(scan(`DD${card}`)).toEqual([]);
    expect(scan(`${card}1234`)).toEqual([]);
    expect(scan(`${grouped} 1234`)).toEqual([]);
    expect(scan('1,234,567.89 1732694400000')).toEqual([]);
  });
});
