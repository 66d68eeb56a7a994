/** Tests the queue's filter, search, sort and keyboard-selection rules. */
import { describe, expect, it } from 'vitest';
import type { QueueRecord } from '../../db/database';
import { NO_FILTERS, filterQueue, hasActiveFilters, matchesSearch, moveSelection, operatorsOf, rowKey, sortQueue } from './queue-model';

function row(id: string, extra: Partial<QueueRecord> = {}): QueueRecord {
  return {
    id,
    revision: 1,
    digest: `sm3:${'b'.repeat(64)}`,
    productName: '普惠金融企业信用评分数据包',
    kind: 'data-package',
    operatorName: '浙江数据运营有限公司',
    scenarioId: 'SC-FIN-CREDIT',
    scenarioName: '普惠金融信用评估',
    recipientName: '某商业银行',
    submittedAt: '2026-11-20T09:30:00+08:00',
    importedAt: '2026-11-21T09:30:00+08:00',
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    fileCount: 2,
    totalBytes: 100,
    rawPackage: false,
    backflowSources: 0,
    socialSources: 0,
    status: 'pending',
    openedAt: null,
    ...extra,
  };
}

const rows: QueueRecord[] = [
  row('EC-2026-000001', { productName: '企业信用评分', operatorName: '甲公司', kind: 'data-package', submittedAt: '2026-11-20T09:30:00+08:00', fileCount: 3 }),
  row('EC-2026-000002', { productName: 'Traffic model', operatorName: '乙公司', kind: 'data-model', submittedAt: '2026-11-21T09:30:00+08:00', status: 'in-review', fileCount: 1 }),
  row('EC-2026-000003', { productName: '医保结算报告', operatorName: '甲公司', kind: 'data-report', submittedAt: '2026-11-19T23:00:00Z', recipientName: '省卫健委', fileCount: 10 }),
];

describe('search', () => {
  it('matches id, product, operator, scenario and recipient', () => {
    expect(matchesSearch(rows[0]!, '000001')).toBe(true);
    expect(matchesSearch(rows[0]!, '信用评分')).toBe(true);
    expect(matchesSearch(rows[0]!, '甲公司')).toBe(true);
    expect(matchesSearch(rows[0]!, 'sc-fin')).toBe(true);
    expect(matchesSearch(rows[0]!, '普惠金融信用')).toBe(true);
    expect(matchesSearch(rows[2]!, '卫健委')).toBe(true);
    expect(matchesSearch(rows[0]!, '卫健委')).toBe(false);
  });

  it('ignores case and full-width forms and needs every term', () => {
    expect(matchesSearch(rows[1]!, 'TRAFFIC')).toBe(true);
    expect(matchesSearch(rows[1]!, 'ＥＣ－２０２６')).toBe(true);
    expect(matchesSearch(rows[1]!, 'traffic 乙')).toBe(true);
    expect(matchesSearch(rows[1]!, 'traffic 甲')).toBe(false);
    expect(matchesSearch(rows[1]!, '   ')).toBe(true);
  });
});

describe('filterQueue', () => {
  it('combines status, kind, operator and search', () => {
    expect(filterQueue(rows, NO_FILTERS)).toHaveLength(3);
    expect(filterQueue(rows, { ...NO_FILTERS, status: 'in-review' }).map((r) => r.id)).toEqual(['EC-2026-000002']);
    expect(filterQueue(rows, { ...NO_FILTERS, kind: 'data-report' }).map((r) => r.id)).toEqual(['EC-2026-000003']);
    expect(filterQueue(rows, { ...NO_FILTERS, operator: '甲公司' }).map((r) => r.id)).toEqual(['EC-2026-000001', 'EC-2026-000003']);
    expect(filterQueue(rows, { ...NO_FILTERS, operator: '甲公司', search: '医保' }).map((r) => r.id)).toEqual(['EC-2026-000003']);
    expect(filterQueue(rows, { ...NO_FILTERS, operator: '乙公司', status: 'pending' })).toEqual([]);
  });

  it('knows when a filter is active', () => {
    expect(hasActiveFilters(NO_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, search: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, kind: 'data-model' })).toBe(true);
  });
});

describe('sortQueue', () => {
  it('sorts submission times as instants, not strings', () => {
    // 2026-11-19T23:00Z is 2026-11-20T07:00+08:00: earlier than 09:30+08:00.
    expect(sortQueue(rows, { column: 'submittedAt', desc: false }).map((r) => r.id)).toEqual(['EC-2026-000003', 'EC-2026-000001', 'EC-2026-000002']);
    expect(sortQueue(rows, { column: 'submittedAt', desc: true }).map((r) => r.id)).toEqual(['EC-2026-000002', 'EC-2026-000001', 'EC-2026-000003']);
  });

  it('sorts numbers numerically and ids with their revision', () => {
    expect(sortQueue(rows, { column: 'fileCount', desc: false }).map((r) => r.fileCount)).toEqual([1, 3, 10]);
    const revisions = [row('EC-9', { revision: 2 }), row('EC-10'), row('EC-9')];
    expect(sortQueue(revisions, { column: 'id', desc: false }).map(rowKey)).toEqual(['EC-9@1', 'EC-9@2', 'EC-10@1']);
  });

  it('sorts by status and falls back to newest first on ties', () => {
    expect(sortQueue(rows, { column: 'status', desc: false }).map((r) => r.id)).toEqual(['EC-2026-000001', 'EC-2026-000003', 'EC-2026-000002']);
    expect(sortQueue(rows, { column: 'status', desc: true }).map((r) => r.id)).toEqual(['EC-2026-000002', 'EC-2026-000001', 'EC-2026-000003']);
    expect(sortQueue(rows, null).map((r) => r.id)).toEqual(['EC-2026-000002', 'EC-2026-000001', 'EC-2026-000003']);
  });

  it('sorts by findings: unchecked lowest, then blocks, then warnings not yet acknowledged', () => {
    const at = '2026-11-27T10:00:00Z';
    const checked = [
      row('EC-A'),
      row('EC-B', { findings: { block: 0, warn: 3, info: 0, acknowledged: 3, evaluatedAt: at } }),
      row('EC-C', { findings: { block: 0, warn: 2, info: 0, acknowledged: 0, evaluatedAt: at } }),
      row('EC-D', { findings: { block: 1, warn: 0, info: 0, acknowledged: 0, evaluatedAt: at } }),
    ];
    expect(sortQueue(checked, { column: 'findings', desc: true }).map((r) => r.id)).toEqual(['EC-D', 'EC-C', 'EC-B', 'EC-A']);
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortQueue(rows, { column: 'productName', desc: true });
    expect(rows).toEqual(copy);
  });
});

describe('operatorsOf', () => {
  it('lists each operator once', () => {
    expect(operatorsOf(rows)).toHaveLength(2);
    expect(new Set(operatorsOf(rows))).toEqual(new Set(['甲公司', '乙公司']));
  });
});

describe('moveSelection', () => {
  const keys = ['a', 'b', 'c'];
  it('starts at the first row going down and the last going up', () => {
    expect(moveSelection(keys, null, 1)).toBe('a');
    expect(moveSelection(keys, null, -1)).toBe('c');
    expect(moveSelection(keys, 'gone', 1)).toBe('a');
  });
  it('moves one row and stops at the ends', () => {
    expect(moveSelection(keys, 'a', 1)).toBe('b');
    expect(moveSelection(keys, 'b', -1)).toBe('a');
    expect(moveSelection(keys, 'a', -1)).toBe('a');
    expect(moveSelection(keys, 'c', 1)).toBe('c');
  });
  it('selects nothing in an empty list', () => {
    expect(moveSelection([], 'a', 1)).toBeNull();
  });
});
