// Which columns the test reads, from real profiles: near-unique digest columns (as
// reversible.digest-undeclared judges them), mobile and resident-ID columns clear or masked, and
// region and date columns only when a sample of their values confirms them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectCell } from '../../detect';
import { makeMobile, seededRandom } from '../../detect/testing';
import { createColumnProfiler } from '../../profile';
import type { ColumnProfile } from '../../profile/column-profile';
import { confirmContext, contextCandidates, digestColumns } from './columns';

const AS_OF = '2026-11-27';

function profile(name: string, values: readonly string[]): ColumnProfile {
  const profiler = createColumnProfiler(undefined, { detect: (v) => detectCell(v, { asOf: AS_OF }) });
  values.forEach((v, i) => profiler.addValue(i + 1, v));
  return { ...profiler.finish(), name };
}

const random = seededRandom(1);
const phones = Array.from({ length: 200 }, () => makeMobile(random));
const md5 = (v: string) => createHash('md5').update(v).digest('hex');

describe('digestColumns', () => {
  it('takes near-unique digest columns only', () => {
    const profiles = [
      profile('phone_digest', phones.map(md5)),
      // One digest repeated: not one per input.
      profile('constant', phones.map(() => md5('x'))),
      profile('note', phones.map((_, i) => `备注${i}`)),
    ];
    expect(digestColumns(profiles)).toEqual(['phone_digest']);
  });
});

describe('contextCandidates and confirmContext', () => {
  const profiles = [
    profile('phone_digest', phones.map(md5)),
    profile('masked_phone', phones.map((p) => `${p.slice(0, 3)}****${p.slice(7)}`)),
    profile('clear_phone', phones),
    profile('masked_id', phones.map((_, i) => `330106********${String(1000 + i).slice(-4)}`)),
    profile('region_code', phones.map(() => '330106')),
    profile('postcode_like', phones.map((_, i) => String(100000 + i))),
    profile('birth_date', phones.map((_, i) => `19${String(50 + (i % 40))}-0${1 + (i % 9)}-1${i % 10}`)),
    profile('amount', phones.map((_, i) => `${i}.00`)),
  ];
  const candidates = contextCandidates(profiles);
  const cells = new Map(profiles.map((p, i) => [p.name, i === 5 ? phones.map((_, j) => String(100000 + j)) : []]));

  it('proposes mobile and ID columns from the profiles, region and date columns by length', () => {
    expect(candidates.map((c) => [c.name, c.role, c.confirm])).toEqual([
      ['masked_phone', 'mobile', false],
      ['clear_phone', 'mobile', false],
      ['masked_id', 'resident-id', false],
      ['region_code', 'region', true],
      ['postcode_like', 'region', true],
      ['birth_date', 'birth-date', true],
    ]);
  });

  it('keeps region and date columns only when the sampled values are region codes and real dates', () => {
    const sampled: Record<string, string[]> = {
      region_code: ['330106', '310104', ''],
      postcode_like: ['100000', '999999', '990000'],
      birth_date: ['1990-01-05', '1985-12-31'],
    };
    const context = confirmContext(candidates, (name) => sampled[name] ?? cells.get(name) ?? [], AS_OF);
    expect(context.map((c) => c.name)).toEqual(['masked_phone', 'clear_phone', 'masked_id', 'region_code', 'birth_date']);
    expect(confirmContext(candidates, () => [], AS_OF).map((c) => c.role)).toEqual(['mobile', 'mobile', 'resident-id']);
  });
});
