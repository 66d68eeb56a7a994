// `review check` end to end over real packages: a clean package has no finding, problems in
// the demo workspace fire the intake and pii rules with masked evidence only, every sheet of a
// workbook is checked (hidden content, personal data on hidden sheets, digits lost to Excel),
// integrity problems are reported rather than refused, and the output is deterministic.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindingsDocument, localiseFindings } from '../../../shared/formats/findings';
import { evidenceZhProblems } from '../../../shared/formats/testing';
import { generateDemoWorkspace } from '../demo/generate';
import { createScanPool, type WorkerPool } from '../scan/worker-pool';
import { describeFiles, writePackage, writeZip } from '../testing/make-package';
import { xlsxBuffer } from '../testing/make-xlsx';
import { runCheck, runCheckWithNotes } from './run-check';
import { buildScanWorker } from '../testing/test-platform';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const field = (name: string, cls = 'public', transform = 'none') => ({ name, dataset: 'ZJ-SCJG-0012', type: 'string', class: cls, grade: cls === 'public' ? 1 : 3, transform });

/** A package whose one data file is a workbook: `名录` (declared) with hidden things, and a hidden `联系人` sheet with clear phones. */
async function workbookPackage(dir: string, options: { sheet?: string } = {}): Promise<{ dir: string; phones: string[] }> {
  const phones = Array.from({ length: 30 }, (_, i) => `1381234${String(5000 + i).padStart(4, '0')}`);
  const content = await xlsxBuffer({
    creator: '王小明',
    lastModifiedBy: 'Zhang San',
    sheets: [
      {
        name: '名录',
        hiddenColumns: [[3, 3]],
        rows: [
          ['id_number', 'district', 'note'],
          ...Array.from({ length: 30 }, (_, i) => ({
            // Excel kept 15 significant digits of an 18-digit identifier typed as a number.
            cells: [{ n: `1.1010519900101${i % 10}E+17` }, '西湖区', '无'],
            hidden: i === 4 || i === 11,
          })),
        ],
      },
      { name: '联系人', state: 'hidden', rows: [['contact_phone'], ...phones.map((p) => [p])] },
      { name: '图表', state: 'veryHidden', chart: true },
    ],
  });
  await writePackage(dir, { files: [{ path: 'data/名录.xlsx', content, role: 'data', mediaType: XLSX }] });
  const manifest = JSON.parse(await readFile(join(dir, 'candidate.json'), 'utf8')) as { files: { table: Record<string, unknown> }[] };
  manifest.files[0]!.table = {
    kind: 'microdata',
    ...(options.sheet === undefined ? { sheet: '名录' } : options.sheet === '' ? {} : { sheet: options.sheet }),
    quasiIdentifiers: [],
    sensitive: [],
    countColumn: null,
    magnitude: null,
    fields: [field('id_number', 'personal', 'hmac-sm3'), field('district'), field('note')],
  };
  await writeFile(join(dir, 'candidate.json'), JSON.stringify(manifest));
  return { dir, phones };
}

const EXAMPLES = resolve(__dirname, '../../../../shared/examples');
let work: string;
let pool: WorkerPool;
let demo: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'run-check-'));
  const worker = buildScanWorker(work);
  pool = createScanPool(worker);
  demo = join(work, 'demo');
  await generateDemoWorkspace(demo);
}, 120_000);
afterAll(async () => {
  await pool.close();
  await rm(work, { recursive: true, force: true });
});

const pkg = (name: string) => join(demo, 'packages', name);
const policy = (id: string) => join(demo, 'policies', `${id}.json`);

describe('runCheck', () => {
  it('finds nothing in the clean shared example, deterministically', async () => {
    const options = { packagePath: join(EXAMPLES, 'candidate-basic'), policyPath: join(EXAMPLES, 'policy-basic.json'), at: '2026-11-27', pool };
    const first = await runCheck(options);
    expect(FindingsDocument.parse(first)).toEqual(first);
    expect(first.findings).toEqual([]);
    expect(first.candidate.digest).toBe('sm3:0add425e8c5b226f070c3c876c8d42a92b94bd748e5078304db80c7ffaff94e7');
    expect(first.evaluatedAt).toBe('2026-11-27T00:00:00+08:00');
    expect(JSON.stringify(await runCheck(options))).toBe(JSON.stringify(first));
  });

  it('blocks clear phones and resident IDs where the policy requires masking, with masked evidence', async () => {
    const doc = await runCheck({ packagePath: pkg('EC-2026-001002-r1'), policyPath: policy('POL-ZJ-SQYY-2025-007'), at: '2026-11-27', pool });
    const unmasked = doc.findings.filter((f) => f.rule === 'pii.unmasked');
    expect(unmasked.map((f) => f.location.column).sort()).toEqual(['legal_rep_id', 'legal_rep_phone']);
    for (const f of unmasked) {
      expect(f.severity).toBe('block');
      expect(f.clause).toBe('§5(3)');
      expect(f.location.rows!.length).toBeLessThanOrEqual(100);
      expect(f.location.rows![0]).toBe(1);
      expect(f.evidence.length).toBeGreaterThan(0);
    }
    const raw = await readFile(join(pkg('EC-2026-001002-r1'), 'data', 'legal_representatives.csv'), 'utf8');
    const serialised = JSON.stringify(doc);
    for (const phone of raw.match(/1[3-9]\d{9}/g)!) expect(serialised).not.toContain(phone);
    expect(serialised).not.toMatch(/\d{8,}/);
    // Masked names of different lengths (张*, 欧阳**) are one consistent form.
    expect(doc.findings.filter((f) => f.rule === 'pii.mask-nonconforming')).toEqual([]);
    expect(doc.summary.block).toBe(2);
  });

  it('reports undeclared personal columns, identifiers in a model card, and a guessed encoding', async () => {
    const soleTraders = await runCheck({ packagePath: pkg('EC-2026-001016-r1'), policyPath: policy('POL-ZJ-SQYY-2025-012'), at: '2026-11-27', pool });
    expect(soleTraders.findings.map((f) => [f.rule, f.location.column, f.detector])).toContainEqual(['pii.undeclared', 'credit_code', 'uscc-sole-trader']);
    const card = await runCheck({ packagePath: pkg('EC-2026-001013-r1'), policyPath: policy('POL-ZJ-SQYY-2025-007'), at: '2026-11-27', pool });
    const inText = card.findings.find((f) => f.rule === 'pii.in-text')!;
    expect(inText.location.line).toBeGreaterThan(0);
    expect(inText.evidence[0]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const gb = await runCheck({ packagePath: pkg('EC-2026-001014-r1'), policyPath: policy('POL-ZJ-SQYY-2025-007'), at: '2026-11-27', pool });
    expect(gb.findings.map((f) => f.rule)).toEqual(['intake.encoding-guessed']);
    expect(gb.summary).toEqual({ block: 0, warn: 1, info: 0 });
  });

  it('does not mistake order numbers, amounts and dates for identifiers', async () => {
    const csv = ['order_no,amount,settle_date', ...Array.from({ length: 50 }, (_, i) => `DD2026112700${String(i).padStart(4, '0')},${(1234567.89 + i).toFixed(2)},2026-11-${String((i % 28) + 1).padStart(2, '0')}`)].join('\n');
    const dir = await writePackage(join(work, 'orders'), {
      files: [{ path: 'data/orders.csv', content: `${csv}\n`, role: 'data', mediaType: 'text/csv' }],
    });
    const manifest = JSON.parse(await readFile(join(dir, 'candidate.json'), 'utf8')) as { files: { table: { fields: unknown[] } }[] };
    manifest.files[0]!.table.fields = ['order_no', 'amount', 'settle_date'].map((name) => ({ name, dataset: 'ZJ-SCJG-0012', type: 'string', class: 'public', grade: 1, transform: 'none' }));
    await writeFile(join(dir, 'candidate.json'), JSON.stringify(manifest));
    const doc = await runCheck({ packagePath: dir, policyPath: join(EXAMPLES, 'policy-basic.json'), at: '2026-11-27', pool });
    expect(doc.findings).toEqual([]);
  });

  it('checks every sheet of a workbook: hidden content, clear phones on a hidden sheet, digits lost to Excel', async () => {
    const { dir, phones } = await workbookPackage(join(work, 'workbook'));
    const doc = await runCheck({ packagePath: dir, at: '2026-11-27', pool });
    expect(FindingsDocument.parse(doc)).toEqual(doc);
    const file = 'data/名录.xlsx';
    const hidden = doc.findings.filter((f) => f.rule === 'intake.hidden-content');
    expect(hidden.map((f) => f.location)).toEqual([
      { file },
      { file, sheet: '名录', rows: [5, 12] },
      { file, sheet: '名录', column: 'note' },
      { file, sheet: '图表' },
      { file, sheet: '联系人' },
    ]);
    for (const f of hidden) {
      expect(f.severity).toBe('warn');
      expect(f.message).toContain(`"${file}"`);
      if (f.location.sheet) expect(f.message).toContain(`"${f.location.sheet}"`);
    }
    expect(hidden.find((f) => f.location.sheet === '联系人')!.message).toMatch(/hidden in Excel/);
    expect(hidden.find((f) => f.location.sheet === '图表')!.message).toMatch(/chart sheet .* very hidden/);
    expect(hidden.find((f) => f.location.rows)!.count).toBe(2);
    // The document properties name people: the finding says so, masked.
    const people = hidden.find((f) => f.location.sheet === undefined)!;
    expect(people.evidence).toEqual(['author: 王**', 'last modified by: Z********']);
    expect(people.evidenceZh).toEqual(['作者：王**', '最后修改者：Z********']);
    for (const f of doc.findings) expect(evidenceZhProblems(f)).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('王小明');
    expect(JSON.stringify(doc)).not.toContain('Zhang San');

    // The hidden sheet is an undeclared table: its clear phones are personal data, with masked evidence.
    const undeclared = doc.findings.find((f) => f.rule === 'pii.undeclared')!;
    expect(undeclared).toMatchObject({ severity: 'block', location: { file, sheet: '联系人', column: 'contact_phone' }, detector: 'cn-mobile', count: 30 });
    expect(undeclared.message).toContain('sheet "联系人"');
    expect(undeclared.evidence).toEqual(['138****5000', '138****5001', '138****5002']);
    for (const phone of phones) expect(JSON.stringify(doc)).not.toContain(phone);

    // The declared sheet's identifiers were stored as numbers in Excel: one finding for the column.
    const precision = doc.findings.filter((f) => f.rule === 'intake.precision-loss');
    expect(precision).toHaveLength(1);
    expect(precision[0]).toMatchObject({ severity: 'warn', location: { file, sheet: '名录', column: 'id_number' }, count: 30 });
    expect(precision[0]!.location.rows!.slice(0, 3)).toEqual([1, 2, 3]);
    // Every finding on a table of the workbook names its sheet.
    for (const f of doc.findings.filter((x) => x.location.column)) expect(f.location.sheet).toBeDefined();
    expect(doc.summary).toEqual({ block: 1, warn: 6, info: 0 });
  });

  it('checks a zipped workbook package the same way, and the first visible sheet is the declared one when table.sheet is absent', async () => {
    const { dir } = await workbookPackage(join(work, 'workbook-default'), { sheet: '' });
    const folder = await runCheck({ packagePath: dir, at: '2026-11-27', pool });
    const zipped = join(work, 'workbook.zip');
    const entries = [{ name: 'candidate.json', content: await readFile(join(dir, 'candidate.json')) }, { name: 'data/名录.xlsx', content: await readFile(join(dir, 'data', '名录.xlsx')) }];
    await writeZip(zipped, entries);
    const zip = await runCheck({ packagePath: zipped, at: '2026-11-27', pool });
    expect(JSON.stringify(zip.findings)).toBe(JSON.stringify(folder.findings));
    // Declared as personal (hmac-sm3 required), the sheet's id_number raises no pii.undeclared.
    expect(folder.findings.filter((f) => f.rule === 'pii.undeclared').map((f) => f.location.sheet)).toEqual(['联系人']);
  });

  it('finds in the demo workbook what it is built to show, on the sheets where it is', async () => {
    const doc = await runCheck({ packagePath: pkg('EC-2026-001018-r1'), policyPath: policy('POL-ZJ-SQYY-2025-007'), at: '2026-11-27', pool });
    const file = 'data/企业名录.xlsx';
    expect(doc.findings.map((f) => [f.rule, f.location.sheet ?? null, f.location.column ?? null])).toEqual([
      ['pii.undeclared', '联系人', 'contact_name'],
      ['pii.undeclared', '联系人', 'contact_phone'],
      // The sheets the manifest does not describe carry columns outside the authorized fields.
      ['scope.unauthorized-field', '填表说明', '字段'],
      ['scope.unauthorized-field', '填表说明', '说明'],
      ['scope.unauthorized-field', '联系人', 'contact_name'],
      ['scope.unauthorized-field', '联系人', 'contact_phone'],
      ['scope.unauthorized-field', '联系人', 'enterprise_name'],
      // 64 enterprises over its quasi-identifiers leave classes smaller than k = 5.
      ['sdc.k-anonymity', '企业名录', null],
      ['intake.hidden-content', null, null],
      ['intake.hidden-content', '企业名录', null],
      ['intake.hidden-content', '企业名录', 'legal_rep_phone'],
      ['intake.hidden-content', '联系人', null],
      ['pii.free-text-names', '联系人', 'contact_name'],
    ]);
    for (const f of doc.findings) expect(f.location.file).toBe(file);
    expect(doc.findings.find((f) => f.location.rows && f.rule === 'intake.hidden-content')!.location.rows).toEqual([7]);
    expect(doc.findings.find((f) => f.detector === 'cn-mobile')!.evidence[0]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(JSON.stringify(doc)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('fires the policy engine\'s scope rules, including properties an API spec in YAML exposes', async () => {
    const spec = [
      'openapi: 3.0.3',
      'info: { title: 企业评分, version: "1" }',
      'paths:',
      '  /scores/{code}:',
      '    get:',
      '      responses:',
      "        '200':",
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                properties:',
      '                  credit_code: { type: string }',
      '                  legal_rep_id: { type: string }',
      '                  home_address: { type: string }',
      '',
    ].join('\n');
    const dir = await writePackage(join(work, 'api-yaml'), {
      extraFiles: [],
      files: [
        { path: 'data/scores.csv', content: 'credit_code,district,score_band\n91330106MA2H3XK19J,西湖区,A\n', role: 'data', mediaType: 'text/csv' },
        { path: 'api/openapi.yaml', content: spec, role: 'api-spec', mediaType: 'application/yaml' },
      ],
    });
    const doc = await runCheck({ packagePath: dir, policyPath: join(EXAMPLES, 'policy-basic.json'), at: '2026-11-27', pool });
    const api = doc.findings.filter((f) => f.rule === 'scope.api-field');
    expect(api.map((f) => [f.location.file, f.location.column])).toEqual([['api/openapi.yaml', 'home_address']]);
    expect(api[0]!.severity).toBe('block');
  });

  it('fires disclosure control on an aggregate table: a small cell, named by row and column, no values', async () => {
    const files = [
      { path: 'data/counts.csv', content: 'district,industry,enterprise_count\n西湖区,制造业,120\n上城区,制造业,3\n滨江区,建筑业,0\n', role: 'data', mediaType: 'text/csv' },
    ];
    const described = await describeFiles(files);
    described[0]!.table = {
      kind: 'aggregate',
      quasiIdentifiers: [],
      sensitive: [],
      countColumn: 'enterprise_count',
      magnitude: null,
      fields: [field('district'), field('industry'), field('enterprise_count')],
    };
    const dir = await writePackage(join(work, 'aggregate'), { files, manifest: { files: described } });
    const doc = await runCheck({ packagePath: dir, policyPath: join(EXAMPLES, 'policy-basic.json'), at: '2026-11-27', pool });
    const small = doc.findings.filter((f) => f.rule === 'sdc.small-cell');
    expect(small.map((f) => [f.location.column, f.location.rows, f.count])).toEqual([['enterprise_count', [2, 3], 2]]);
    expect(small[0]!.severity).toBe('block');
    // Without a policy, review check stays with the intake and personal-information rules.
    expect((await runCheck({ packagePath: dir, at: '2026-11-27', pool })).findings.filter((f) => f.rule.startsWith('sdc.'))).toEqual([]);
  });

  it('writes every evidence line in Chinese too, and leaves the English --json document exactly FORMATS.md §3', async () => {
    // One demo package for each producer of worded evidence: recovered digests, small cells,
    // dominance and p-ratio, k-anonymity and workbook properties, l-diversity, secondary disclosure.
    const cases: [string, string][] = [
      ['EC-2026-001003-r1', 'POL-ZJ-SQYY-2025-012'],
      ['EC-2026-001008-r1', 'POL-HZ-SQYY-2025-003'],
      ['EC-2026-001009-r1', 'POL-ZJ-SQYY-2025-007'],
      ['EC-2026-001018-r1', 'POL-ZJ-SQYY-2025-007'],
      ['EC-2026-001021-r1', 'POL-ZJ-SQYY-2025-007'],
      ['EC-2026-001022-r1', 'POL-HZ-SQYY-2025-003'],
    ];
    const docs = new Map<string, FindingsDocument>();
    for (const [name, policyId] of cases) {
      const doc = await runCheck({ packagePath: pkg(name), policyPath: policy(policyId), at: '2026-11-27', pool });
      docs.set(name, doc);
      for (const f of doc.findings) expect(evidenceZhProblems(f)).toEqual([]);
      // `review check --json` prints the English document: byte for byte what the findings are
      // without their Chinese (same keys, same order), so adding Chinese changed nothing there.
      const english = localiseFindings(doc, 'en');
      const stripped = { ...doc, findings: doc.findings.map(({ messageZh: _m, evidenceZh: _e, ...f }) => f) };
      expect(JSON.stringify(english, null, 2)).toBe(JSON.stringify(stripped, null, 2));
      expect(JSON.stringify(english)).not.toMatch(/messageZh|evidenceZh/);
      // `--lang zh` swaps in the Chinese evidence and is still FORMATS.md §3.
      const zh = localiseFindings(doc, 'zh');
      expect(FindingsDocument.parse(zh)).toEqual(zh);
      expect(JSON.stringify(zh)).not.toMatch(/messageZh|evidenceZh/);
    }
    const evidence = (name: string, rule: string) => {
      const f = docs.get(name)!.findings.find((x) => x.rule === rule)!;
      return [f.evidence, f.evidenceZh];
    };
    expect(evidence('EC-2026-001008-r1', 'sdc.small-cell')).toEqual([
      ['below 10: 6', 'zero: 4'],
      ['低于 10：6', '零值：4'],
    ]);
    expect(evidence('EC-2026-001009-r1', 'sdc.dominance')).toEqual([['(n, k) = (2, 0.9)'], ['(n, k) = (2, 0.9)']]);
    expect(evidence('EC-2026-001022-r1', 'sdc.secondary')).toEqual([
      ['row 20: recoverable from the subtotal row 21', 'row 60: recoverable from the subtotal row 63'],
      ['第 20 行：可由第 21 行（小计行）反推', '第 60 行：可由第 63 行（小计行）反推'],
    ]);
    const [recoveredEn, recoveredZh] = evidence('EC-2026-001003-r1', 'reversible.recovered');
    expect([recoveredEn![0], recoveredZh![0]]).toEqual(['96 of 96 recovered', '已还原 96 / 96']);
    expect(recoveredZh![1]).toMatch(/^第 1 行：MD5\(1\d{2}\*{4}\d{4}\)$/);
    expect(evidence('EC-2026-001018-r1', 'sdc.k-anonymity')[1]![0]).toBe('4 行的等价类：第 1、20、22、56 行');
    expect(evidence('EC-2026-001021-r1', 'sdc.l-diversity')[1]![0]).toBe('6 行的等价类（仅 1 个不同取值）：第 5、16、33、35、58、79 行');
  }, 120_000);

  it('tells beside the document what disclosure control could not check, in English and Chinese', async () => {
    const withoutPolicy = { packagePath: pkg('EC-2026-001017-r1'), at: '2026-11-27', pool };
    const options = { ...withoutPolicy, policyPath: policy('POL-ZJ-SQYY-2025-012') };
    const { document, notes } = await runCheckWithNotes(options);
    expect(notes).toEqual([
      {
        file: 'data/tax_credit.ndjson',
        message: '"data/tax_credit.ndjson": no quasi-identifiers are declared; k-anonymity and l-diversity were not checked.',
        messageZh: '“data/tax_credit.ndjson”：未声明准标识符，未检查 k-匿名和 l-多样性。',
      },
    ]);
    // The document itself is what runCheck gives, FORMATS.md §3 without notes.
    expect(JSON.stringify(document)).toBe(JSON.stringify(await runCheck(options)));
    expect(JSON.stringify(document)).not.toContain('quasi-identifiers');
    // Without a policy disclosure control does not run, so there is nothing to note.
    expect((await runCheckWithNotes(withoutPolicy)).notes).toEqual([]);
  });

  it('refuses a table.sheet that names no worksheet of the workbook', async () => {
    const { dir } = await workbookPackage(join(work, 'workbook-wrong-sheet'), { sheet: 'Sheet9' });
    await expect(runCheck({ packagePath: dir, at: '2026-11-27', pool })).rejects.toMatchObject({ code: 'tables.xlsx-no-sheet', params: { file: 'data/名录.xlsx', sheet: 'Sheet9' } });
  });

  it('reports integrity problems as findings instead of refusing', async () => {
    const dir = await writePackage(join(work, 'tampered'), { extraFiles: [{ path: 'notes.txt', content: 'x' }] });
    await writeFile(join(dir, 'data', 'scores.csv'), 'changed\n');
    const doc = await runCheck({ packagePath: dir, at: '2026-11-27', pool });
    expect(doc.findings.map((f) => [f.rule, f.location.file])).toEqual([
      ['intake.digest-mismatch', 'data/scores.csv'],
      ['intake.undeclared-file', 'notes.txt'],
    ]);
    expect(doc.findings[0]!.messageZh).toMatch(/^“data\/scores\.csv”与 candidate\.json 中的 files\[\]\.(bytes|sha256|sm3)\S* 不符：该文件在生成清单后被修改或损坏。$/);
    expect(doc.policy).toBeNull();
  });

  it('refuses unusable input with an error, not a finding', async () => {
    await expect(runCheck({ packagePath: join(work, 'nowhere'), pool })).rejects.toMatchObject({ code: 'import.not-found' });
    await expect(runCheck({ packagePath: join(EXAMPLES, 'candidate-basic'), policyPath: join(EXAMPLES, 'README.md'), pool })).rejects.toMatchObject({ code: 'policy.json' });
  });
});
