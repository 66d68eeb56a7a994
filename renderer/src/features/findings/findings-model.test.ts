// The findings panel's view model: grouping and order (what n/p walk), where each kind of
// finding opens, how rows read, the justification check, and the approval gate.
import { describe, expect, it } from 'vitest';
import { makeFinding, type Finding } from '../../../../shared/formats/findings';
import type { FindingItem, FindingsView } from '../../../../shared/ipc/schemas/review';
import type { RuleId } from '../../../../shared/rules/catalogue';
import {
  canAcknowledge,
  checkJustification,
  findingEvidence,
  findingMessage,
  groupFindings,
  jumpTarget,
  orderedItems,
  riskSummary,
  rowRanges,
  stepKey,
  type SeverityGroup,
} from './findings-model';

let counter = 0;
function item(finding: Finding, acknowledged = false): FindingItem {
  const key = (++counter).toString(16).padStart(24, '0');
  return {
    key,
    finding,
    acknowledgement: acknowledged ? { key, rule: finding.rule, justification: 'checked by hand, harmless', by: '审核员甲', at: '2026-11-27T10:00:00+08:00' } : null,
  };
}

const f = (rule: RuleId, location: Finding['location'] = { file: 'data/a.csv' }, extra: Parameters<typeof makeFinding>[3] = {}) => makeFinding(rule, `${rule} fired`, location, extra);

function view(items: FindingItem[], patch: Partial<FindingsView> = {}): FindingsView {
  return { id: 'EC-1', revision: 1, state: 'ready', document: null, items, stale: false, approvable: !items.some((i) => i.finding.severity === 'block'), notes: [], ...patch };
}

const shape = (groups: SeverityGroup[]) => groups.map((g) => [g.severity, g.count, g.rules.map((r) => [r.rule, r.items.length])]);

describe('findingMessage', () => {
  it('shows the Chinese message under zh-CN and the English one otherwise or where there is no Chinese', () => {
    const both = makeFinding('authz.expired', 'The authorization ended on 2027-12-31.', {}, { zh: '授权已于 2027-12-31 到期。' });
    const english = makeFinding('authz.expired', 'The authorization ended on 2027-12-31.', {});
    expect(findingMessage(both, 'zh-CN')).toBe('授权已于 2027-12-31 到期。');
    expect(findingMessage(both, 'en')).toBe('The authorization ended on 2027-12-31.');
    expect(findingMessage(english, 'zh-CN')).toBe('The authorization ended on 2027-12-31.');
  });
});

describe('findingEvidence', () => {
  const recovered = makeFinding('reversible.recovered', 'Column "h" can be reversed.', { file: 'data/a.csv', column: 'h', rows: [1] }, {
    evidence: ['1 of 2 recovered', 'row 1: MD5(138****5678)'],
    evidenceZh: ['已还原 1 / 2', '第 1 行：MD5(138****5678)'],
  });

  it('shows the Chinese evidence under zh-CN and the English otherwise or where there is no Chinese', () => {
    expect(findingEvidence(recovered, 'zh-CN')).toEqual(['已还原 1 / 2', '第 1 行：MD5(138****5678)']);
    expect(findingEvidence(recovered, 'en')).toEqual(['1 of 2 recovered', 'row 1: MD5(138****5678)']);
    expect(findingEvidence({ evidence: ['138****5678'] }, 'zh-CN')).toEqual(['138****5678']);
  });

  it('never shows a Chinese line that discloses more than its English line', () => {
    expect(findingEvidence({ evidence: ['row 1: MD5(138****5678)'], evidenceZh: ['第 1 行：MD5(13812345678)'] }, 'zh-CN')).toEqual(['row 1: MD5(138****5678)']);
  });
});

describe('groupFindings', () => {
  it('groups by severity — block, warn, info — then by rule in ID order, leaving out empty severities', () => {
    const items = [
      item(f('revision.changed')),
      item(f('pii.free-text-names', { file: 'a.csv', column: 'note' })),
      item(f('pii.undeclared', { file: 'a.csv', column: 'phone', rows: [1] })),
      item(f('intake.hidden-content')),
      item(f('pii.undeclared', { file: 'a.csv', column: 'name', rows: [2] })),
      item(f('authz.expired', { field: 'authorization.validTo' })),
    ];
    expect(shape(groupFindings(items))).toEqual([
      ['block', 3, [['authz.expired', 1], ['pii.undeclared', 2]]],
      ['warn', 2, [['intake.hidden-content', 1], ['pii.free-text-names', 1]]],
      ['info', 1, [['revision.changed', 1]]],
    ]);
    expect(shape(groupFindings(items.filter((i) => i.finding.severity === 'warn')))).toEqual([['warn', 2, [['intake.hidden-content', 1], ['pii.free-text-names', 1]]]]);
    expect(groupFindings([])).toEqual([]);
  });

  it('keeps the engine’s order within a rule and carries the rule’s clause', () => {
    const a = item(f('pii.undeclared', { file: 'a.csv', column: 'z', rows: [9] }));
    const b = item(f('pii.undeclared', { file: 'a.csv', column: 'a', rows: [1] }));
    const [block] = groupFindings([a, b]);
    expect(block!.rules[0]!.items.map((i) => i.key)).toEqual([a.key, b.key]);
    expect(block!.rules[0]!.clause).toBe('§5(3)');
  });

  it('groups a finding by its own severity when the policy raised it', () => {
    const raised = item(f('intake.hidden-content', { file: 'a.xlsx' }, { severity: 'block' }));
    expect(shape(groupFindings([raised]))).toEqual([['block', 1, [['intake.hidden-content', 1]]]]);
  });
});

describe('orderedItems and stepKey (n / p)', () => {
  const items = [item(f('intake.hidden-content')), item(f('pii.undeclared', { file: 'a.csv', column: 'c', rows: [1] })), item(f('revision.changed'))];
  const keys = orderedItems(groupFindings(items)).map((i) => i.key);

  it('walk the findings in panel order: blocks first', () => {
    expect(keys).toEqual([items[1]!.key, items[0]!.key, items[2]!.key]);
  });

  it('start at the first (next) or last (previous) finding with nothing selected', () => {
    expect(stepKey(keys, undefined, 1)).toBe(keys[0]);
    expect(stepKey(keys, null, -1)).toBe(keys[2]);
    expect(stepKey(keys, 'f'.repeat(24), 1)).toBe(keys[0]);
  });

  it('move one step and wrap at both ends', () => {
    expect(stepKey(keys, keys[0], 1)).toBe(keys[1]);
    expect(stepKey(keys, keys[1], -1)).toBe(keys[0]);
    expect(stepKey(keys, keys[2], 1)).toBe(keys[0]);
    expect(stepKey(keys, keys[0], -1)).toBe(keys[2]);
  });

  it('have nowhere to go without findings', () => {
    expect(stepKey([], undefined, 1)).toBeNull();
  });
});

describe('jumpTarget', () => {
  it('opens a table finding with rows in the preview at its sheet, first row and column', () => {
    expect(jumpTarget(f('pii.undeclared', { file: 'data/企业名录.xlsx', sheet: '联系人', column: 'contact_phone', rows: [3, 1, 17] }))).toEqual({
      kind: 'preview',
      file: 'data/企业名录.xlsx',
      sheet: '联系人',
      column: 'contact_phone',
      row: 1,
    });
    expect(jumpTarget(f('sdc.k-anonymity', { file: 'a.csv', rows: [4, 9] }))).toEqual({ kind: 'preview', file: 'a.csv', row: 4 });
    expect(jumpTarget(f('intake.precision-loss', { file: 'a.csv', cell: { row: 12, column: 'id' } }))).toEqual({ kind: 'preview', file: 'a.csv', row: 12, column: 'id' });
  });

  it('opens a text finding at its line, and a file-level finding at the file', () => {
    expect(jumpTarget(f('pii.in-text', { file: 'model/card.md', line: 17 }))).toEqual({ kind: 'preview', file: 'model/card.md', line: 17 });
    expect(jumpTarget(f('intake.encoding-guessed', { file: 'a.csv' }))).toEqual({ kind: 'preview', file: 'a.csv' });
    expect(jumpTarget(f('intake.hidden-content', { file: 'a.xlsx', sheet: '联系人' }))).toEqual({ kind: 'preview', file: 'a.xlsx', sheet: '联系人' });
  });

  it('opens masking findings in the conformance diff on their column', () => {
    expect(jumpTarget(f('pii.unmasked', { file: 'a.csv', column: 'phone', rows: [3, 17] }))).toEqual({
      kind: 'diff',
      focus: { view: 'conformance', file: 'a.csv', column: 'phone', row: 3 },
    });
    expect(jumpTarget(f('pii.mask-nonconforming', { file: 'b.xlsx', sheet: 'S', column: 'id' }))).toEqual({
      kind: 'diff',
      focus: { view: 'conformance', file: 'b.xlsx', sheet: 'S', column: 'id' },
    });
  });

  it('opens scope rules and manifest-field findings in the scope diff', () => {
    expect(jumpTarget(f('scope.unauthorized-field', { file: 'a.xlsx', sheet: '联系人', column: 'contact_name' }))).toEqual({
      kind: 'diff',
      focus: { view: 'scope', file: 'a.xlsx', sheet: '联系人', column: 'contact_name' },
    });
    expect(jumpTarget(f('scope.api-field', { file: 'api/openapi.json', column: 'home_address' }))).toEqual({
      kind: 'diff',
      focus: { view: 'scope', file: 'api/openapi.json', column: 'home_address' },
    });
    expect(jumpTarget(f('authz.expired', { field: 'authorization.validTo' }))).toEqual({ kind: 'diff', focus: { view: 'scope' } });
    expect(jumpTarget(f('export.raw-package', { field: 'product.rawPackage' }))).toEqual({ kind: 'diff', focus: { view: 'scope' } });
    expect(jumpTarget(f('source.backflow-unapproved', { field: 'sources[0].approvalRef' }))).toEqual({ kind: 'diff', focus: { view: 'scope' } });
  });

  it('opens declared reversible transforms in declarations vs detections, revisions in the revision diff', () => {
    expect(jumpTarget(f('reversible.unkeyed-hash', { file: 'a.csv', column: 'phone_digest', field: 'files[0].table.fields[5].transform' }))).toEqual({
      kind: 'diff',
      focus: { view: 'declarations', file: 'a.csv', column: 'phone_digest' },
    });
    expect(jumpTarget(f('revision.changed', { file: 'data/a.csv' }))).toEqual({ kind: 'diff', focus: { view: 'revision', file: 'data/a.csv' } });
    expect(jumpTarget(f('revision.chain-broken', { field: 'previousRevisionDigest' }))).toEqual({ kind: 'diff', focus: { view: 'revision' } });
  });

  it('has nowhere to go for a finding without a location', () => {
    expect(jumpTarget(f('scenario.not-approved', {}))).toEqual({ kind: 'none' });
  });
});

describe('rowRanges', () => {
  it('joins consecutive rows into ranges', () => {
    expect(rowRanges([1, 2, 3, 5, 7, 8], 6)).toEqual({ parts: ['1–3', '5', '7–8'], more: false });
    expect(rowRanges([7], 1)).toEqual({ parts: ['7'], more: false });
  });

  it('sorts and de-duplicates', () => {
    expect(rowRanges([9, 3, 4, 3], 3)).toEqual({ parts: ['3–4', '9'], more: false });
  });

  it('says when rows are left out: past the limit, or past the 100 the document lists', () => {
    expect(rowRanges([1, 3, 5, 7, 9, 11], 6, 4)).toEqual({ parts: ['1', '3', '5', '7'], more: true });
    expect(rowRanges([1, 2, 3], 250)).toEqual({ parts: ['1–3'], more: true });
  });
});

describe('checkJustification', () => {
  it('accepts 10 or more characters after trimming, as main counts them', () => {
    expect(checkJustification('  隐藏行为核对行，已逐项检查  ')).toEqual({ ok: true, value: '隐藏行为核对行，已逐项检查' });
    expect(checkJustification('0123456789')).toEqual({ ok: true, value: '0123456789' });
  });

  it('refuses fewer than 10, saying how many there are', () => {
    expect(checkJustification('')).toEqual({ ok: false, problem: 'too-short', length: 0 });
    expect(checkJustification('   已检查   ')).toEqual({ ok: false, problem: 'too-short', length: 3 });
    expect(checkJustification('012345678')).toEqual({ ok: false, problem: 'too-short', length: 9 });
  });

  it('refuses more than 2000', () => {
    expect(checkJustification('x'.repeat(2001))).toEqual({ ok: false, problem: 'too-long', length: 2001 });
    expect(checkJustification('x'.repeat(2000)).ok).toBe(true);
  });
});

describe('canAcknowledge', () => {
  it('allows an unacknowledged warning or info, never a block', () => {
    expect(canAcknowledge(item(f('intake.hidden-content')))).toBe(true);
    expect(canAcknowledge(item(f('revision.changed')))).toBe(true);
    expect(canAcknowledge(item(f('intake.hidden-content'), true))).toBe(false);
    expect(canAcknowledge(item(f('pii.undeclared')))).toBe(false);
    expect(canAcknowledge(item(f('intake.hidden-content', { file: 'a.xlsx' }, { severity: 'block' })))).toBe(false);
  });
});

describe('riskSummary', () => {
  const warn = item(f('intake.hidden-content'));
  const acknowledged = item(f('pii.free-text-names', { file: 'a.csv', column: 'n' }), true);
  const block = item(f('pii.undeclared', { file: 'a.csv', column: 'p', rows: [1] }));

  it('counts by severity and acknowledged warnings', () => {
    const risk = riskSummary(view([warn, acknowledged, block, item(f('revision.changed'))]), 'ready');
    expect(risk.counts).toEqual({ block: 1, warn: 2, info: 1 });
    expect(risk).toMatchObject({ warnings: 2, acknowledgedWarnings: 1 });
  });

  it('closes the gate while a blocking finding stands, with how many', () => {
    expect(riskSummary(view([warn, block]), 'ready').gate).toEqual({ open: false, reason: 'blocking', blocking: 1 });
  });

  it('opens it with warnings only, acknowledged or not', () => {
    expect(riskSummary(view([warn, acknowledged]), 'ready').gate).toEqual({ open: true });
    expect(riskSummary(view([]), 'ready').gate).toEqual({ open: true });
  });

  it('keeps it closed before the findings are known, when stale, or when main says no', () => {
    expect(riskSummary(null, 'loading').gate).toMatchObject({ open: false, reason: 'loading' });
    expect(riskSummary(null, 'failed').gate).toMatchObject({ open: false, reason: 'failed' });
    expect(riskSummary(view([], { state: 'not-scanned' }), 'ready').gate).toMatchObject({ open: false, reason: 'not-scanned' });
    expect(riskSummary(view([warn], { stale: true }), 'ready').gate).toMatchObject({ open: false, reason: 'stale' });
    expect(riskSummary(view([warn], { approvable: false }), 'ready').gate).toMatchObject({ open: false, reason: 'unresolved' });
    // A block is the reason a reviewer can act on, even when the scan is stale too.
    expect(riskSummary(view([block], { stale: true }), 'ready').gate).toMatchObject({ reason: 'blocking' });
  });
});
