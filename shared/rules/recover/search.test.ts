// The search fires on digests the row gives away — unsalted MD5 of mobiles beside 3+4 masks,
// upper-case hex, base64, +86 and grouped writings, SHA-1/SHA-256/SM3, resident IDs from a
// masked ID or from region and birth-date columns — and never on what it cannot derive: a keyed
// HMAC-SM3, random hex, a salted digest, a digest of another number. It reports masked inputs
// only, stops at its deadline with what it found, and gives up on a fruitless column.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createHMAC, createSM3, sm3 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { makeMobile, makeRandomResidentId, seededRandom } from '../../detect/testing';
import type { ContextColumn } from './candidates';
import { createSampleSearch, searchSample, type SampleRow } from './search';

const AS_OF = '2026-11-27';
const PHONE: ContextColumn[] = [{ name: 'legal_rep_phone', role: 'mobile' }];
const mask34 = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

function phones(n: number, seed = 1): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => makeMobile(random));
}

/** Rows of `digest(phone)` beside the phone masked 3+4. */
function phoneRows(list: readonly string[], digest: (phone: string) => string): SampleRow[] {
  return list.map((phone, i) => ({ row: i + 1, digest: digest(phone), cells: [mask34(phone)] }));
}

describe('searchSample fires', () => {
  it('on unsalted MD5 of the mobile beside its 3+4 mask, every row, with masked evidence only', () => {
    const list = phones(40);
    const result = searchSample(phoneRows(list, md5), { columns: PHONE, asOf: AS_OF });
    expect(result.hits.map((h) => h.row)).toEqual(list.map((_, i) => i + 1));
    expect(result).toMatchObject({ done: 40, exhausted: 0, timedOut: false, gaveUp: false });
    expect(result.hits[0]).toMatchObject({ kind: 'cn-mobile', algorithm: 'md5', form: 'plain', columns: ['legal_rep_phone'], masked: mask34(list[0]!) });
    const serialised = JSON.stringify(result);
    for (const phone of list) expect(serialised).not.toContain(phone.slice(3, 7) + phone.slice(7));
  });

  it('on upper-case hex, base64, and the +86 and grouped writings', async () => {
    const list = phones(6, 2);
    const cases: [string, (p: string) => string | Promise<string>][] = [
      ['plain', (p) => md5(p).toUpperCase()],
      ['+86', (p) => createHash('md5').update(`+86${p}`).digest('base64')],
      ['0086', (p) => createHash('sha1').update(`0086${p}`).digest('hex')],
      ['3-4-4 spaces', (p) => createHash('sha256').update(`${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`).digest('hex')],
      ['+86 space', (p) => sm3(`+86 ${p}`)],
      ['3-4-4 hyphens', async (p) => (await sm3(`${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`)).toUpperCase()],
    ];
    for (const [form, digest] of cases) {
      const rows = await Promise.all(list.map(async (phone, i) => ({ row: i + 1, digest: await digest(phone), cells: [mask34(phone)] })));
      const result = searchSample(rows, { columns: PHONE, asOf: AS_OF });
      expect(result.hits.map((h) => h.form), form).toEqual(list.map(() => form));
    }
  });

  it('on SHA-256 of resident IDs whose region and birth date are columns of the row', () => {
    const random = seededRandom(3);
    const columns: ContextColumn[] = [
      { name: 'region_code', role: 'region' },
      { name: 'birth_date', role: 'birth-date' },
    ];
    const ids = Array.from({ length: 12 }, () => makeRandomResidentId(random));
    const rows = ids.map((id, i) => ({
      row: i + 1,
      digest: createHash('sha256').update(id).digest('hex'),
      cells: [id.slice(0, 6), `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`],
    }));
    const result = searchSample(rows, { columns, asOf: AS_OF });
    expect(result.hits).toHaveLength(12);
    expect(result.hits[0]).toMatchObject({ kind: 'cn-resident-id', algorithm: 'sha256', columns: ['region_code', 'birth_date'] });
    // The sequence digits and the check character were recovered, not shown: the evidence hides them.
    expect(result.hits[0]!.masked).toBe(`${ids[0]!.slice(0, 3)}${'*'.repeat(15)}`);
  });

  it('on MD5 of resident IDs masked 6+4 (every birth date tried against the shown check character)', () => {
    const random = seededRandom(4);
    const ids = Array.from({ length: 4 }, () => makeRandomResidentId(random));
    const rows = ids.map((id, i) => ({ row: i + 1, digest: md5(id).toUpperCase(), cells: [`${id.slice(0, 6)}********${id.slice(14)}`] }));
    const result = searchSample(rows, { columns: [{ name: 'id', role: 'resident-id' }], asOf: AS_OF });
    expect(result.hits.map((h) => h.row)).toEqual([1, 2, 3, 4]);
    // The shown tail stays; the recovered birth date does not show.
    expect(result.hits[0]!.masked).toBe(`${ids[0]!.slice(0, 3)}***********${ids[0]!.slice(14)}`);
  });
});

describe('searchSample does not fire', () => {
  it('on a keyed HMAC-SM3 of the same phones', async () => {
    const key = randomBytes(32);
    const list = phones(3, 5);
    const rows = await Promise.all(
      list.map(async (phone, i) => {
        const hmac = await createHMAC(createSM3(), key);
        hmac.init();
        hmac.update(phone);
        return { row: i + 1, digest: hmac.digest('hex'), cells: [mask34(phone)] };
      }),
    );
    const result = searchSample(rows, { columns: PHONE, asOf: AS_OF });
    expect(result.hits).toEqual([]);
    expect(result.exhausted).toBe(3);
  });

  it('on random hex, a salted MD5, an HMAC-MD5, or a digest of a number the row does not carry', () => {
    const list = phones(4, 6);
    const others = phones(4, 7);
    const variants: ((phone: string, i: number) => string)[] = [
      () => randomBytes(16).toString('hex'),
      (p) => md5(`salt:${p}`),
      (p) => createHmac('md5', 'key').update(p).digest('hex'),
      (_p, i) => md5(others[i]!),
    ];
    for (const digest of variants) {
      const rows = list.map((phone, i) => ({ row: i + 1, digest: digest(phone, i), cells: [mask34(phone)] }));
      expect(searchSample(rows, { columns: PHONE, asOf: AS_OF }).hits).toEqual([]);
    }
  });

  it('on rows with nothing to derive the input from', () => {
    const rows = phones(3, 8).map((phone, i) => ({ row: i + 1, digest: md5(phone), cells: ['西湖区'] }));
    const result = searchSample(rows, { columns: PHONE, asOf: AS_OF });
    expect(result).toMatchObject({ done: 3, exhausted: 0, hits: [] });
  });
});

describe('createSampleSearch', () => {
  it('stops at its deadline with what it found so far', () => {
    const list = phones(20, 9);
    let clock = 0;
    // Each reading of the clock advances it; the deadline falls inside the sample.
    const search = createSampleSearch(phoneRows(list, md5), { columns: PHONE, asOf: AS_OF, deadline: 6, now: () => clock++ });
    while (!search.step(Infinity));
    expect(search.result.timedOut).toBe(true);
    expect(search.result.done).toBeLessThan(20);
    expect(search.result.hits.length).toBe(search.result.done);
  });

  it('searches in slices, resuming where it stopped', () => {
    const list = phones(10, 10);
    let clock = 0;
    const search = createSampleSearch(phoneRows(list, md5), { columns: PHONE, asOf: AS_OF, now: () => clock++ });
    const done: number[] = [];
    while (!search.step(clock + 2)) done.push(search.result.done);
    expect(done.length).toBeGreaterThan(1);
    expect(search.result.hits).toHaveLength(10);
  });

  it('gives up on a column after the given number of fruitless rows, but not once something was recovered', () => {
    const list = phones(8, 11);
    const hmac = phoneRows(list, (p) => createHmac('sha256', 'k').update(p).digest('hex'));
    expect(searchSample(hmac, { columns: PHONE, asOf: AS_OF, giveUpAfter: 3 })).toMatchObject({ done: 3, exhausted: 3, gaveUp: true });
    const mixed = [phoneRows(list.slice(0, 1), md5)[0]!, ...hmac.slice(1)];
    expect(searchSample(mixed, { columns: PHONE, asOf: AS_OF, giveUpAfter: 3 })).toMatchObject({ done: 8, gaveUp: false });
  });
});
