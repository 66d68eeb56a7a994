// The revision diff model: the notice (no previous revision, broken chain), manifest rows,
// table rows over the union of the columns they touch, changed lines split into a removed and
// an added line with word parts, and folding of long unchanged runs.
import { describe, expect, it } from 'vitest';
import { changeMarker, fileTarget, foldRows, manifestRows, revisionNotice, rowCells, splitChangedLine, splitFiles, tableColumns, tableTruncation, textRows, type TextRow } from './revision-model';

describe('revision model', () => {
  it('says when there is no previous revision or the chain is broken', () => {
    expect(revisionNotice({ before: null, chainIntact: null })).toBe('no-previous');
    expect(revisionNotice({ before: 1, chainIntact: false })).toBe('chain-broken');
    expect(revisionNotice({ before: 1, chainIntact: true })).toBe('chain-intact');
    expect(revisionNotice({ before: 1, chainIntact: null })).toBe('chain-unknown');
  });

  it('classifies manifest changes and files', () => {
    expect(manifestRows([{ field: 'a', before: null, after: '1' }, { field: 'b', before: '1', after: null }, { field: 'c', before: '1', after: '2' }]).map((r) => r.kind)).toEqual(['added', 'removed', 'changed']);
    const files = splitFiles([
      { path: 'a.csv', status: 'changed', kind: 'table' },
      { path: 'b.md', status: 'same', kind: 'text' },
      { path: 'c.md', status: 'added', kind: 'text' },
    ]);
    expect([files.changed.map((f) => f.path), files.same.map((f) => f.path)]).toEqual([['a.csv', 'c.md'], ['b.md']]);
    expect(['added', 'removed', 'changed', 'same'].map((k) => changeMarker(k as 'added'))).toEqual(['+', '−', '~', ' ']);
    const sheets = [
      { path: 'w.xlsx', sheet: 'A', status: 'changed' as const, kind: 'table' as const },
      { path: 'w.xlsx', sheet: 'B', status: 'changed' as const, kind: 'table' as const },
    ];
    expect(fileTarget(sheets, { file: 'w.xlsx', sheet: 'B' })).toBe(sheets[1]);
    expect(fileTarget(sheets, { file: 'w.xlsx' })).toBe(sheets[0]);
    expect(fileTarget(sheets, { file: 'x.csv' })).toBeNull();
    expect(fileTarget(sheets, undefined)).toBeNull();
  });

  it('lays table rows over the union of their columns, the changed ones first', () => {
    const rows = [
      { kind: 'changed' as const, key: '7', before: 7, after: 7, cells: [{ column: 'band', before: '10-49', after: '50-99' }] },
      { kind: 'added' as const, key: '101', before: null, after: 101, cells: [{ column: 'name', before: '', after: '某公司' }, { column: 'band', before: '', after: '1-9' }] },
      { kind: 'removed' as const, key: '3', before: 3, after: null, cells: [{ column: 'name', before: '旧公司', after: '' }, { column: 'extra', before: 'x', after: '' }] },
    ];
    const columns = tableColumns(rows);
    expect(columns).toEqual(['band', 'name', 'extra']);
    expect(rowCells(rows[0]!, columns)).toEqual([{ kind: 'changed', before: '10-49', after: '50-99' }, { kind: 'untouched' }, { kind: 'untouched' }]);
    expect(rowCells(rows[1]!, columns)).toEqual([{ kind: 'added', text: '1-9' }, { kind: 'added', text: '某公司' }, { kind: 'untouched' }]);
    expect(rowCells(rows[2]!, columns)).toEqual([{ kind: 'untouched' }, { kind: 'removed', text: '旧公司' }, { kind: 'removed', text: 'x' }]);
    expect(tableColumns(rows.slice(1))).toEqual(['name', 'band', 'extra']);
    expect(tableTruncation({ keyColumns: [], columnsAdded: [], columnsRemoved: [], added: 600, removed: 0, changed: 8, rows })).toEqual({ listed: 3, total: 608 });
  });

  it('splits a changed line into its removed and added sides', () => {
    const parts = [
      { text: '样本量：', kind: 'same' as const },
      { text: '120', kind: 'removed' as const },
      { text: '126', kind: 'added' as const },
      { text: ' 家', kind: 'same' as const },
    ];
    expect(splitChangedLine(parts)).toEqual({ before: [parts[0], parts[1], parts[3]], after: [parts[0], parts[2], parts[3]] });
    const rows = textRows([
      { kind: 'same', before: 1, after: 1, text: '# 说明' },
      { kind: 'changed', before: 2, after: 2, parts },
      { kind: 'added', before: null, after: 3, text: '新行' },
    ]);
    expect(rows.map((r) => [r.kind, r.before, r.after])).toEqual([
      ['same', 1, 1],
      ['removed', 2, null],
      ['added', null, 2],
      ['added', null, 3],
    ]);
    expect(rows[1]?.parts?.map((p) => p.text).join('')).toBe('样本量：120 家');
    expect(rows[2]?.parts?.map((p) => p.text).join('')).toBe('样本量：126 家');
  });

  it('folds unchanged runs longer than one line beyond the context, unless expanded', () => {
    const rows: TextRow[] = Array.from({ length: 20 }, (_, i) => ({ kind: i === 10 ? 'added' : 'same', before: i + 1, after: i + 1, text: `l${i}` }));
    const items = foldRows(rows, 2);
    expect(items.map((it) => (it.type === 'fold' ? `fold ${it.start}+${it.count}` : it.type === 'row' ? it.index : 'gap'))).toEqual(['fold 0+8', 8, 9, 10, 11, 12, 'fold 13+7']);
    expect(foldRows(rows, 2, new Set([13])).filter((it) => it.type === 'fold')).toHaveLength(1);
    // Where main left unchanged lines out, a gap is marked (not after a fold, which says it).
    const sparse: TextRow[] = [
      { kind: 'same', before: 1, after: 1, text: 'a' },
      { kind: 'added', before: null, after: 2, text: 'b' },
      { kind: 'same', before: 9, after: 10, text: 'c' },
      { kind: 'removed', before: 10, after: null, text: 'd' },
    ];
    expect(foldRows(sparse, 3).map((it) => (it.type === 'row' ? it.index : it.type))).toEqual([0, 1, 'gap', 2, 3]);
    // A run of one unchanged line is drawn, not folded.
    const short: TextRow[] = [{ kind: 'same', before: 1, after: 1, text: 'a' }, { kind: 'added', before: null, after: 2, text: 'b' }];
    expect(foldRows(short, 0).map((it) => it.type)).toEqual(['row', 'row']);
  });
});
