// The conformance loader asks for the first page when the view first shows, the next ones only
// when the view nears the end, one request at a time, and again after a failure only on retry.
import { describe, expect, it } from 'vitest';
import type { ConformanceRows } from '../../../../shared/ipc/schemas/review';
import { createConformanceLoader } from './conformance-loader';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function page(from: number, count: number, end: number): ConformanceRows {
  const last = Math.min(end, from + count - 1);
  const rows = [];
  for (let row = from; row <= last; row++) rows.push({ row, conforming: row % 2 === 0, candidate: [{ text: '●', kind: 'differs' as const }], required: [{ text: '*', kind: 'same' as const }] });
  return { column: { column: 'c', required: [], conforming: 0, nonconforming: 0, empty: 0 }, rows, next: last < end ? last + 1 : null };
}

describe('conformance loader', () => {
  it('loads page by page as the view nears the end', async () => {
    const calls: [number, number, boolean][] = [];
    const loader = createConformanceLoader(
      (from, count, only) => {
        calls.push([from, count, only]);
        return Promise.resolve(page(from, count, 450));
      },
      5,
      true,
    );
    let changes = 0;
    loader.subscribe(() => changes++);
    loader.show(-1);
    loader.show(-1);
    await settle();
    expect(calls).toEqual([[5, 200, true]]);
    expect(loader.snapshot().rows).toHaveLength(200);
    loader.show(50);
    await settle();
    expect(calls).toHaveLength(1);
    loader.show(190);
    await settle();
    expect(calls.map((c) => c[0])).toEqual([5, 205]);
    loader.more();
    await settle();
    expect(calls.map((c) => c[0])).toEqual([5, 205, 405]);
    expect(loader.snapshot().next).toBeNull();
    expect(loader.snapshot().rows.at(-1)?.row).toBe(450);
    loader.more();
    expect(calls).toHaveLength(3);
    expect(changes).toBeGreaterThanOrEqual(6);
  });

  it('holds a failure until retried', async () => {
    let fail = true;
    const calls: number[] = [];
    const loader = createConformanceLoader((from, count) => {
      calls.push(from);
      return fail ? Promise.reject(new Error('down')) : Promise.resolve(page(from, count, 10));
    }, 1, false);
    loader.show(-1);
    await settle();
    expect(loader.snapshot().error).toBeInstanceOf(Error);
    loader.show(-1);
    await settle();
    expect(calls).toEqual([1]);
    fail = false;
    loader.retry();
    await settle();
    expect(loader.snapshot().error).toBeNull();
    expect(loader.snapshot().rows).toHaveLength(10);
  });
});

describe('conformance loader, candidate side', () => {
  it('hides candidate characters the required form does not show at that place', async () => {
    const loader = createConformanceLoader(
      () =>
        Promise.resolve({
          column: null,
          rows: [
            {
              row: 1,
              conforming: false,
              candidate: [{ text: '130', kind: 'same' }, { text: '●', kind: 'differs' }, { text: '5', kind: 'same' }, { text: '●●●', kind: 'differs' }, { text: '169', kind: 'same' }],
              required: [{ text: '130', kind: 'same' }, { text: '****', kind: 'differs' }, { text: '5169', kind: 'same' }],
            },
          ],
          next: null,
        }),
      1,
      false,
    );
    loader.show(-1);
    await settle();
    expect(loader.snapshot().rows[0]?.candidate.map((s) => s.text).join('')).toBe('130●●●●●169');
  });
});
