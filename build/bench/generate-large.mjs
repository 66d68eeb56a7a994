// Writes the benchmark candidate: a package with one 1,000,000-row × 10-column CSV (~116 MB)
// of realistic, already-masked data (phones 3+4, IDs 6+4… as a clean package would carry),
// plus its manifest with correct digests. Deterministic (a fixed linear congruential seed).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { createSM3 } from 'hash-wasm';

export async function generateLargePackage(dir, rows = 1_000_000) {
  await mkdir(join(dir, 'data'), { recursive: true });
  const path = join(dir, 'data', 'large.csv');
  const out = createWriteStream(path);
  const sha = createHash('sha256');
  const sm3 = await createSM3();
  sm3.init();
  let bytes = 0;
  // mulberry32: an LCG's low bits repeat with short periods, which made masked phones and IDs
  // repeat far more than real ones do (and flattered the per-column value cache).
  let seed = 20261127;
  const next = (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const districts = ['西湖区', '上城区', '拱墅区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区'];
  const industries = ['制造业', '批发和零售业', '信息技术服务业', '建筑业', '住宿和餐饮业'];
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'];
  const write = async (text) => {
    const buf = Buffer.from(text, 'utf8');
    bytes += buf.length;
    sha.update(buf);
    sm3.update(buf);
    if (!out.write(buf)) await once(out, 'drain');
  };
  await write('record_id,holder_name,holder_phone,holder_id,district,industry,amount,settle_date,score_band,note\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const phone = `1${3 + next(7)}${next(10)}****${String(next(10000)).padStart(4, '0')}`;
    const id = `3301${String(next(100)).padStart(2, '0')}********${String(next(10000)).padStart(4, '0')}`;
    chunk += `R${String(i).padStart(9, '0')},${surnames[next(8)]}**,${phone},${id},${districts[next(8)]},${industries[next(5)]},${(next(10_000_000) / 100).toFixed(2)},2026-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')},${'ABCDE'[next(5)]},按期结清\n`;
    if (i % 2000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
  out.end();
  await once(out, 'finish');
  const text = (n, c, t) => ({ name: n, dataset: 'ZJ-BENCH-0001', type: 'string', class: c, grade: c === 'public' ? 1 : 3, transform: t });
  const manifest = {
    format: 'export-candidate', formatVersion: 1, id: 'EC-BENCH-000001', revision: 1, submittedAt: '2026-11-27T09:00:00+08:00',
    product: { name: '基准测试数据包', kind: 'data-package', description: 'benchmark', rawPackage: false },
    operator: { name: '基准运营单位', creditCode: '91330106MA2H3XK19J', contact: 'bench' },
    authorization: { agreementId: 'ZJ-BENCH', level: 'province', region: '330000', validFrom: '2025-01-01', validTo: '2027-12-31' },
    scenario: { id: 'SC-BENCH', name: '基准', purpose: 'bench' },
    recipient: { name: '基准接收方', creditCode: '91330000704201234X' },
    sources: [], processing: { methods: [] },
    files: [{
      path: 'data/large.csv', role: 'data', mediaType: 'text/csv', bytes,
      sha256: `sha256:${sha.digest('hex')}`, sm3: `sm3:${sm3.digest('hex')}`,
      table: { kind: 'microdata', quasiIdentifiers: ['district', 'industry'], sensitive: ['score_band'], countColumn: null, magnitude: null, fields: [
        text('record_id', 'public', 'none'), text('holder_name', 'personal', 'mask-name'), text('holder_phone', 'personal', 'mask:3,4'),
        text('holder_id', 'personal', 'mask:6,4'), text('district', 'public', 'none'), text('industry', 'public', 'none'),
        text('amount', 'public', 'none'), text('settle_date', 'public', 'none'), text('score_band', 'public', 'none'), text('note', 'public', 'none'),
      ] },
    }],
  };
  await writeFile(join(dir, 'candidate.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { path, bytes };
}

/**
 * The export policy of the benchmark candidate's agreement: every column authorized with the
 * transform it carries (the holder ID 3+4 rather than the declared 6+4, so the engine has a
 * real mask-nonconformity to report), microdata thresholds from RULES.md. `review check
 * --policy` on the benchmark runs the whole engine: scope, authorization, disclosure control.
 */
export async function writeBenchPolicy(path) {
  const field = (name, maxGrade, requiredTransform) => ({ dataset: 'ZJ-BENCH-0001', name, maxGrade, requiredTransform });
  const policy = {
    format: 'export-policy', formatVersion: 1, id: 'POL-BENCH', version: 1, agreementId: 'ZJ-BENCH', issuedBy: '基准主管部门',
    issuedAt: '2025-01-02T10:00:00+08:00', authorization: { validFrom: '2025-01-01', validTo: '2027-12-31' },
    scenarios: [{ id: 'SC-BENCH', name: '基准', recipients: ['91330000704201234X'] }],
    authorizedFields: [
      field('record_id', 1, ['none']), field('holder_name', 3, ['mask-name']), field('holder_phone', 3, ['mask:3,4']),
      field('holder_id', 3, ['mask:3,4']), field('district', 1, ['none']), field('industry', 1, ['none']), field('amount', 1, ['none']),
      field('settle_date', 1, ['none']), field('score_band', 1, ['none']), field('note', 1, ['none']),
    ],
    review: { secondReviewerFromGrade: 3, sealRequiredFor: ['approve'] },
    reveal: { roles: ['reviewer'], maxCellsPerReason: 50 },
  };
  await writeFile(path, `${JSON.stringify(policy, null, 2)}\n`);
}
