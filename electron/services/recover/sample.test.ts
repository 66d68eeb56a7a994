// The sample: a small table whole, a large one in evenly spread blocks; per digest column only
// digest-shaped cells, with the context cells beside them in the context's order.
import { describe, expect, it } from 'vitest';
import { digestSample, sampleBlocks } from './sample';

describe('sampleBlocks', () => {
  it('reads a table of up to 1.5 × the sample whole', () => {
    expect(sampleBlocks(1500, 1000)).toEqual([[1, 1500]]);
    expect(sampleBlocks(0, 1000)).toEqual([]);
  });

  it('spreads ten blocks over a larger table, from its first row to its last', () => {
    const blocks = sampleBlocks(1_000_000, 1000);
    expect(blocks).toHaveLength(10);
    expect(blocks[0]).toEqual([1, 100]);
    expect(blocks.at(-1)).toEqual([1_000_000 - 99, 100]);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]![0]).toBeGreaterThan(blocks[i - 1]![0] + 100);
  });
});

describe('digestSample', () => {
  it('keeps digest-shaped cells with their context, at most the sample size', () => {
    const hex = 'e10adc3949ba59abbe56e057f20f883e';
    const sample = { rows: [3, 4, 5, 6], cells: [['138****5678', hex, 'x'], ['139****0000', 'not a digest', 'y'], ['137****1111', hex.toUpperCase()], ['136****2222', hex, 'z']] };
    const rows = digestSample(sample, ['phone', 'digest', 'note'], 'digest', [{ name: 'note', role: 'birth-date' }, { name: 'phone', role: 'mobile' }], 2);
    expect(rows).toEqual([
      { row: 3, digest: hex, cells: ['x', '138****5678'] },
      { row: 5, digest: hex.toUpperCase(), cells: ['', '137****1111'] },
    ]);
  });
});
