/**
 * The demo export candidates: one spec per package folder, each building its manifest draft and
 * payload files from a seeded faker, with the RULES.md rules it is built to fire (`targets`) and
 * the policy it is reviewed against. Clean packages pass their policy; every problematic one is
 * problematic by content (what the rules look for), never by a broken format — except the
 * packages of `broken/`, written correctly and then damaged (`damage`) for the integrity rules.
 */
import { createHMAC, createSM3, md5, sm3 } from 'hash-wasm';
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { AGREEMENTS, HANGZHOU_DISTRICTS, NINGBO_DISTRICTS, OPERATORS, RECIPIENTS, SCENARIOS, SOCIAL_APPROVAL, SOURCES, UNISSUED_AGREEMENTS, ZHEJIANG_REGIONS } from './catalogue';
import {
  AGE_BANDS,
  EMPLOYEE_BANDS,
  INDUSTRIES,
  MONTHS_2025,
  SCORE_BANDS,
  type BuildContext,
  type DemoPackageSpec,
  type DemoSheet,
  type PackageDraft,
  type PayloadFile,
  cityOf,
  column,
  csvFile,
  enterprises,
  jsonDocument,
  jsonTableFile,
  markdownFile,
  ndjsonFile,
  textFile,
  tsvFile,
  workbookFile,
} from './package-kit';
import type { Cell, DemoTable } from './tables';
import {
  address,
  balancedCombinations,
  creditCode,
  diverseValues,
  maskKeep,
  maskName,
  mobile,
  numericCreditCode,
  personName,
  residentId,
  seededFaker,
  spreadsheetNumber,
} from './values';

const SCJG = 'ZJ-SCJG-0012';
const FOUR_DISTRICTS = HANGZHOU_DISTRICTS.slice(0, 4);
const FOUR_INDUSTRIES = INDUSTRIES.slice(0, 4);

const col = {
  creditCode: (dataset = SCJG, grade = 1) => column('credit_code', dataset, 'string', 'public', grade, 'none'),
  enterpriseName: () => column('enterprise_name', SCJG, 'string', 'public', 1, 'none'),
  district: (dataset = SCJG) => column('district', dataset, 'string', 'public', 1, 'none'),
  industry: () => column('industry', SCJG, 'string', 'public', 1, 'none'),
  employeesBand: () => column('employees_band', SCJG, 'string', 'public', 1, 'none'),
  scoreBand: () => column('score_band', SCJG, 'string', 'derived', 2, 'none'),
};

const classKey = (...parts: string[]) => parts.join('\u0000');

/** The ids of the demo policies, for each spec's `policy`. */
const POLICY = {
  CREDIT: AGREEMENTS.creditProvince.policy.id,
  RISK: AGREEMENTS.riskProvince.policy.id,
  HANGZHOU: AGREEMENTS.hangzhou.policy.id,
  NINGBO: AGREEMENTS.ningboExpired.policy.id,
  YONGJIA: AGREEMENTS.yongjiaOverLong.policy.id,
};

// ---------------------------------------------------------------------------------------------
// EC-2026-001001: the clean package, revision 1 and its resubmission.

function cleanScores(seed: number, revision: 1 | 2, previous?: string): PackageDraft {
  const faker = seededFaker(seed, 1001);
  const base = enterprises(faker, 120, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  const bands = diverseValues(faker, base.map((e) => classKey(e.district, e.industry)), SCORE_BANDS);
  const rows: Cell[][] = base.map((e, i) => [e.creditCode, e.name, e.district, e.industry, faker.helpers.arrayElement(EMPLOYEE_BANDS), bands[i]!, maskKeep(mobile(faker), 3, 4)]);
  let corrected = 0;
  if (revision === 2) {
    // The resubmission corrects the employee band of eight enterprises and adds six more.
    const change = seededFaker(seed, 100102);
    for (const index of change.helpers.arrayElements(Array.from(rows.keys()), 8)) {
      const row = rows[index]!;
      row[4] = EMPLOYEE_BANDS[(EMPLOYEE_BANDS.indexOf(row[4] as (typeof EMPLOYEE_BANDS)[number]) + 1) % EMPLOYEE_BANDS.length]!;
      corrected++;
    }
    for (const e of enterprises(change, 6, FOUR_DISTRICTS, FOUR_INDUSTRIES)) {
      rows.push([e.creditCode, e.name, e.district, e.industry, change.helpers.arrayElement(EMPLOYEE_BANDS), change.helpers.arrayElement(SCORE_BANDS), maskKeep(mobile(change), 3, 4)]);
    }
  }
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    sensitive: ['score_band'],
    columns: [
      col.creditCode(),
      col.enterpriseName(),
      col.district(),
      col.industry(),
      col.employeesBand(),
      col.scoreBand(),
      column('legal_rep_phone', SCJG, 'string', 'personal', 3, 'mask:3,4'),
    ],
    rows,
  };
  const report =
    revision === 1
      ? `# 数据产品说明\n\n本数据包按区县、行业给出企业信用评分等级，法定代表人联系方式已按协议要求脱敏（保留前三位和后四位）。\n\n- 样本量：${rows.length} 家企业\n- 统计口径：2025 年度\n- 区县范围：${FOUR_DISTRICTS.map(([, n]) => n).join('、')}\n`
      : `# 数据产品说明（第 2 版）\n\n根据审核意见修订：更正 ${corrected} 家企业的从业人员规模区间，补充 6 家企业。法定代表人联系方式仍按协议要求脱敏（保留前三位和后四位）。\n\n- 样本量：${rows.length} 家企业\n- 统计口径：2025 年度\n`;
  return {
    ...(previous ? { previousRevisionDigest: previous } : {}),
    submittedAt: revision === 1 ? '2026-10-09T10:12:00+08:00' : '2026-11-03T14:20:00+08:00',
    product: {
      name: '普惠金融企业信用评分数据包',
      kind: 'data-package',
      description: '按区县和行业给出的企业信用评分样本，用于普惠金融授信前评估。',
      rawPackage: false,
    },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: { methods: [{ field: 'legal_rep_phone', name: '掩码（保留前3后4位）', keyed: false, reversible: false }], trainedOnDesensitizedSample: true },
    files: [csvFile('data/enterprise_scores.csv', table), markdownFile('report/说明.md', 'report', report)],
  };
}

// ---------------------------------------------------------------------------------------------
// Problematic microdata packages of the province agreements.

function clearIdentifiers(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1002);
  const base = enterprises(faker, 80, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    columns: [
      col.creditCode(),
      col.enterpriseName(),
      col.district(),
      col.industry(),
      column('legal_rep_name', SCJG, 'string', 'personal', 3, 'mask-name'),
      column('legal_rep_phone', SCJG, 'string', 'personal', 3, 'mask:3,4'),
      column('legal_rep_id', SCJG, 'string', 'sensitive-personal', 3, 'mask:3,4'),
    ],
    // Names are masked as declared; phones and identity numbers are not, although mask:3,4 is declared.
    rows: base.map((e) => [e.creditCode, e.name, e.district, e.industry, maskName(personName(faker)), mobile(faker), residentId(faker, ZHEJIANG_REGIONS)]),
  };
  return {
    submittedAt: '2026-10-14T15:40:00+08:00',
    product: { name: '小微企业法定代表人核验数据包', kind: 'data-package', description: '企业法定代表人联系方式与身份核验信息，声明已按 mask:3,4 脱敏。', rawPackage: false },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.enterprises],
    processing: {
      methods: [
        { field: 'legal_rep_name', name: '姓名掩码', keyed: false, reversible: false },
        { field: 'legal_rep_phone', name: '掩码（保留前3后4位）', keyed: false, reversible: false },
        { field: 'legal_rep_id', name: '掩码（保留前3后4位）', keyed: false, reversible: false },
      ],
    },
    files: [csvFile('data/legal_representatives.csv', table)],
  };
}

async function md5Digests(seed: number): Promise<PackageDraft> {
  const faker = seededFaker(seed, 1003);
  const base = enterprises(faker, 96, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  const bands = diverseValues(faker, base.map((e) => classKey(e.district, e.industry)), SCORE_BANDS);
  const rows: Cell[][] = [];
  for (const [i, e] of base.entries()) {
    const phone = mobile(faker);
    rows.push([e.creditCode, e.district, e.industry, bands[i]!, maskKeep(phone, 3, 4), await md5(phone)]);
  }
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    sensitive: ['score_band'],
    columns: [
      col.creditCode(),
      col.district(),
      col.industry(),
      col.scoreBand(),
      column('legal_rep_phone', SCJG, 'string', 'personal', 3, 'mask:3,4'),
      column('phone_digest', SCJG, 'string', 'personal', 3, 'hash-md5'),
    ],
    rows,
  };
  return {
    submittedAt: '2026-10-20T16:02:00+08:00',
    product: {
      name: '企业联系人匹配数据包',
      kind: 'data-package',
      description: '提供法定代表人手机号摘要，供接收方与自有客户名单匹配。',
      rawPackage: false,
    },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: {
      methods: [
        { field: 'legal_rep_phone', name: '掩码（保留前3后4位）', keyed: false, reversible: false },
        { field: 'phone_digest', name: 'MD5', keyed: false, reversible: false },
      ],
    },
    files: [csvFile('data/contact_match.csv', table)],
  };
}

function rawPackage(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1004);
  const base = enterprises(faker, 60, HANGZHOU_DISTRICTS.slice(0, 6), INDUSTRIES);
  const table: DemoTable = {
    kind: 'microdata',
    columns: [
      col.creditCode(),
      col.enterpriseName(),
      col.district(),
      col.industry(),
      column('legal_rep_name', SCJG, 'string', 'personal', 3, 'none'),
      column('legal_rep_phone', SCJG, 'string', 'personal', 3, 'none'),
      column('legal_rep_id', SCJG, 'string', 'sensitive-personal', 3, 'none'),
    ],
    rows: base.map((e) => [e.creditCode, e.name, e.district, e.industry, personName(faker), mobile(faker), residentId(faker, ZHEJIANG_REGIONS)]),
  };
  return {
    submittedAt: '2026-10-22T09:48:00+08:00',
    product: { name: '企业登记原始记录数据包', kind: 'data-package', description: '企业登记原始记录（含法定代表人信息），申请整体出域。', rawPackage: true },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [csvFile('data/registrations_raw.csv', table)],
  };
}

function unauthorizedField(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1007);
  const base = enterprises(faker, 96, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    columns: [col.creditCode(), col.enterpriseName(), col.district(), col.industry(), col.employeesBand(), column('reg_address', SCJG, 'string', 'public', 1, 'none')],
    rows: base.map((e) => [e.creditCode, e.name, e.district, e.industry, faker.helpers.arrayElement(EMPLOYEE_BANDS), address(faker, e.district)]),
  };
  return {
    submittedAt: '2026-11-05T13:15:00+08:00',
    product: { name: '企业经营地址画像数据包', kind: 'data-package', description: '企业规模与注册地址，用于贷前实地走访规划。', rawPackage: false },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [csvFile('data/enterprise_addresses.csv', table)],
  };
}

function soleTraders(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1016);
  const shops: Record<string, string[]> = {
    住宿和餐饮业: ['小吃店', '面馆', '快餐店'],
    批发和零售业: ['便利店', '水果店', '五金店'],
    '居民服务、修理和其他服务业': ['理发店', '家电维修部', '洗衣店'],
    '文化、体育和娱乐业': ['棋牌室', '健身工作室', '书店'],
  };
  const industries = Object.keys(shops);
  const codeOf = new Map(FOUR_DISTRICTS.map(([code, name]) => [name, code]));
  const rows: Cell[][] = balancedCombinations(faker, 80, [FOUR_DISTRICTS.map(([, n]) => n), industries]).map(([district, industry], i) => {
    const soleTrader = i % 2 === 0;
    const code = creditCode(faker, codeOf.get(district!)!, soleTrader ? 'sole-trader' : 'enterprise');
    const name = soleTrader
      ? `${district!.slice(3)}${faker.person.lastName()}记${faker.helpers.arrayElement(shops[industry!]!)}`
      : `${cityOf(district!)}${faker.person.firstName()}商贸有限公司`;
    return [code, name, district!, industry!, soleTrader ? '1-9' : faker.helpers.arrayElement(EMPLOYEE_BANDS)];
  });
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    columns: [col.creditCode(), col.enterpriseName(), col.district(), col.industry(), col.employeesBand()],
    rows,
  };
  return {
    submittedAt: '2026-11-21T14:00:00+08:00',
    product: { name: '小微商户名录数据包', kind: 'data-package', description: '区县小微商户名录（企业与个体工商户），用于普惠金融获客。', rawPackage: false },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [jsonTableFile('data/merchants.json', table)],
  };
}

function gb18030Package(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1014);
  const base = enterprises(faker, 80, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  const bands = diverseValues(faker, base.map((e) => classKey(e.district, e.industry)), SCORE_BANDS);
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    sensitive: ['score_band'],
    columns: [col.creditCode(), col.enterpriseName(), col.district(), col.industry(), col.employeesBand(), col.scoreBand()],
    rows: base.map((e, i) => [e.creditCode, e.name, e.district, e.industry, faker.helpers.arrayElement(EMPLOYEE_BANDS), bands[i]!]),
  };
  return {
    submittedAt: '2026-11-17T11:05:00+08:00',
    product: { name: '企业规模与信用等级数据包', kind: 'data-package', description: '由业务系统导出的企业规模与信用等级（GB18030 编码）。', rawPackage: false },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [
      csvFile('data/enterprise_bands.csv', table, { gb18030: true }),
      markdownFile('report/说明.md', 'report', `# 数据产品说明\n\n数据文件由业务系统直接导出，字符编码为 GB18030（无 BOM）。\n\n- 样本量：${base.length} 家企业\n- 字段：统一社会信用代码、企业名称、区县、行业、从业人员规模、信用等级\n`),
    ],
  };
}

function taxService(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1017);
  const table: DemoTable = {
    kind: 'microdata',
    columns: [col.creditCode('ZJ-SWJ-0031', 1), column('tax_credit_grade', 'ZJ-SWJ-0031', 'string', 'derived', 2, 'none'), column('tax_year', 'ZJ-SWJ-0031', 'integer', 'public', 1, 'none')],
    rows: Array.from({ length: 150 }, () => [
      creditCode(faker, faker.helpers.arrayElement(ZHEJIANG_REGIONS)),
      faker.helpers.weightedArrayElement([
        { weight: 30, value: 'A' },
        { weight: 40, value: 'B' },
        { weight: 15, value: 'M' },
        { weight: 10, value: 'C' },
        { weight: 5, value: 'D' },
      ]),
      faker.helpers.arrayElement([2024, 2025]),
    ]),
  };
  return {
    submittedAt: '2026-10-12T09:05:00+08:00',
    product: { name: '企业纳税信用等级批量核验服务', kind: 'data-service', description: '按统一社会信用代码批量返回企业纳税信用等级，用于贷后监测。', rawPackage: false },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.risk,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.tax],
    processing: { methods: [] },
    files: [ndjsonFile('data/tax_credit.ndjson', table)],
  };
}

// ---------------------------------------------------------------------------------------------
// Interface and model products.

function openApiInterface(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1012);
  const districts = FOUR_DISTRICTS.slice(0, 2);
  const base = enterprises(faker, 40, districts, FOUR_INDUSTRIES);
  const bands = diverseValues(faker, base.map((e) => classKey(e.district, e.industry)), SCORE_BANDS);
  const sample: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    sensitive: ['score_band'],
    columns: [col.creditCode(), col.district(), col.industry(), col.scoreBand()],
    rows: base.map((e, i) => [e.creditCode, e.district, e.industry, bands[i]!]),
  };
  const first = base[0]!;
  const spec = {
    openapi: '3.0.3',
    info: { title: '企业信用评分查询接口', version: '1.0.0', description: '按统一社会信用代码查询企业信用评分等级。' },
    servers: [{ url: 'https://api.example.invalid/credit/v1' }],
    paths: {
      '/enterprises/{credit_code}/score': {
        get: {
          operationId: 'getEnterpriseScore',
          summary: '查询单个企业的信用评分等级',
          parameters: [{ name: 'credit_code', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9A-HJ-NP-RT-UW-Y]{18}$' } }],
          responses: {
            '200': {
              description: '评分结果',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/EnterpriseScore' },
                  example: { credit_code: first.creditCode, district: first.district, industry: first.industry, score_band: bands[0], legal_rep_phone: maskKeep(mobile(faker), 3, 4), legal_rep_home_address: `浙江省${first.district}` },
                },
              },
            },
            '404': { description: '未找到该企业' },
          },
          security: [{ mutualTls: [] }],
        },
      },
    },
    components: {
      schemas: {
        EnterpriseScore: {
          type: 'object',
          required: ['credit_code', 'district', 'industry', 'score_band'],
          properties: {
            credit_code: { type: 'string', description: '统一社会信用代码' },
            district: { type: 'string', description: '所在区县' },
            industry: { type: 'string', description: '国民经济行业门类' },
            score_band: { type: 'string', enum: [...SCORE_BANDS], description: '信用评分等级' },
            legal_rep_phone: { type: 'string', description: '法定代表人手机号（保留前3后4位）' },
            legal_rep_home_address: { type: 'string', description: '法定代表人住址（到区县）' },
          },
        },
      },
      securitySchemes: { mutualTls: { type: 'mutualTLS' } },
    },
  };
  return {
    submittedAt: '2026-11-12T09:30:00+08:00',
    product: { name: '企业信用评分查询接口', kind: 'data-interface', description: '以接口方式向接收方提供企业信用评分等级。', rawPackage: false },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: { methods: [{ field: 'legal_rep_phone', name: '掩码（保留前3后4位）', keyed: false, reversible: false }] },
    files: [
      jsonDocument('api/openapi.json', 'api-spec', spec),
      csvFile('data/sample_response.csv', sample),
      markdownFile('docs/接口说明.md', 'supporting', '# 接口说明\n\n- 调用方式：双向 TLS 认证，按统一社会信用代码逐条查询\n- 调用频率：每秒不超过 20 次\n- 返回字段见 api/openapi.json，样例见 data/sample_response.csv\n'),
    ],
  };
}

function modelWithCard(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1013);
  const districts = FOUR_DISTRICTS.slice(0, 3);
  const base = enterprises(faker, 60, districts, FOUR_INDUSTRIES);
  const bands = diverseValues(faker, base.map((e) => classKey(e.district, e.industry)), SCORE_BANDS);
  const sample: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    sensitive: ['score_band'],
    columns: [col.creditCode(), col.district(), col.industry(), col.scoreBand()],
    rows: base.map((e, i) => [e.creditCode, e.district, e.industry, bands[i]!]),
  };
  const owner = personName(faker);
  const ownerPhone = mobile(faker);
  const auc = faker.number.float({ min: 0.78, max: 0.86, fractionDigits: 3 });
  const card = [
    '# 模型卡：小微企业信用评分模型 v2.1',
    '',
    '## 用途',
    '为普惠金融授信前评估输出 A–D 四档信用评分等级，不输出个人信息。',
    '',
    '## 训练数据',
    '在授权运营域内使用脱敏样本训练：企业登记信息（ZJ-SCJG-0012）中的区县、行业、从业人员规模等字段。',
    '',
    '## 评估',
    `- 验证集 AUC：${auc}`,
    '- 分档稳定性（PSI）：0.04',
    '',
    '## 局限',
    '新设立不足一年的企业样本较少，评分仅供参考。',
    '',
    '## 联系人',
    `模型负责人：${owner}，手机 ${ownerPhone}`,
    '',
  ].join('\n');
  const config = {
    algorithm: 'GBDT',
    version: '2.1.0',
    features: ['district', 'industry', 'employees_band', 'years_since_registration'],
    hyperparameters: { trees: 300, maxDepth: 5, learningRate: 0.05 },
    output: { field: 'score_band', classes: [...SCORE_BANDS] },
  };
  return {
    submittedAt: '2026-11-14T16:45:00+08:00',
    product: { name: '小微企业信用评分模型', kind: 'data-model', description: '在域内训练的企业信用评分模型，出域交付模型卡、配置与评分样例。', rawPackage: false },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: { methods: [], trainedOnDesensitizedSample: true },
    files: [markdownFile('model/model-card.md', 'model-card', card), jsonDocument('model/model-config.json', 'supporting', config), csvFile('data/score_sample.csv', sample)],
  };
}

// ---------------------------------------------------------------------------------------------
// Aggregate reports and services of the Hangzhou agreement, and the dominance report.

const HZ = 'HZ-YB-0009';

function smallCells(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1008);
  const cells = HANGZHOU_DISTRICTS.flatMap(([, district]) => AGE_BANDS.map((age) => [district, age] as const));
  const indices = faker.helpers.shuffle(Array.from(cells.keys()));
  const small = new Set(indices.slice(0, 6));
  const zero = new Set(indices.slice(6, 10));
  const rows: Cell[][] = cells.map(([district, age], i) => {
    const count = zero.has(i) ? 0 : small.has(i) ? faker.number.int({ min: 1, max: 9 }) : faker.number.int({ min: 15, max: 400 });
    return [district, age, count, count * faker.number.int({ min: 800, max: 15000 })];
  });
  const table: DemoTable = {
    kind: 'aggregate',
    countColumn: 'claim_count',
    columns: [
      column('district', HZ, 'string', 'public', 1, 'none'),
      column('age_band', HZ, 'string', 'personal', 2, 'generalize:age-band'),
      column('claim_count', HZ, 'integer', 'derived', 2, 'aggregate'),
      column('claim_amount_total', HZ, 'integer', 'derived', 2, 'aggregate'),
    ],
    rows,
  };
  const report = `# 2025 年度医保理赔分布报告\n\n按区县和年龄段统计 2025 年商业健康保险理赔件数与金额（元），共 ${rows.length} 个单元格。\n\n数据来源：浙江省医疗保障局医保结算数据（省回流，批准文号 ${SOURCES.settlementsApproved.approvalRef}）。\n`;
  return {
    submittedAt: '2026-10-16T11:20:00+08:00',
    product: { name: '医保理赔分布统计报告', kind: 'data-report', description: '按区县与年龄段汇总的理赔件数与金额。', rawPackage: false },
    operator: OPERATORS.citydata,
    agreement: AGREEMENTS.hangzhou,
    scenario: SCENARIOS.claim,
    recipient: RECIPIENTS.insurer,
    sources: [SOURCES.settlementsApproved],
    processing: { methods: [] },
    files: [csvFile('data/claims_by_district_age.csv', table, { bom: true }), markdownFile('report/报告.md', 'report', report)],
  };
}

function dominance(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1009);
  const districts = HANGZHOU_DISTRICTS.slice(0, 8).map(([, n]) => n);
  const cells = districts.flatMap((district) => INDUSTRIES.map((industry) => [district, industry] as const));
  const dominated = new Set(faker.helpers.shuffle(Array.from(cells.keys())).slice(0, 6));
  const rows: Cell[][] = cells.map(([district, industry], i) => {
    const total = faker.number.int({ min: 3000, max: 60000 });
    let count: number;
    let top1: number;
    let top2: number;
    if (dominated.has(i)) {
      // Two enterprises hold 91–95 % of the cell: anyone who knows one can estimate the other.
      count = faker.number.int({ min: 10, max: 40 });
      top1 = Math.floor(total * faker.number.float({ min: 0.8, max: 0.83 }));
      top2 = Math.ceil(total * 0.91) - top1 + faker.number.int({ min: 0, max: Math.floor(total * 0.03) });
    } else {
      top1 = Math.floor(total * faker.number.float({ min: 0.08, max: 0.2 }));
      top2 = Math.floor(top1 * faker.number.float({ min: 0.5, max: 0.95 }));
      // Enough other enterprises that none of them needs more than the second largest.
      count = Math.max(faker.number.int({ min: 20, max: 120 }), Math.ceil((total - top1 - top2) / top2) + 2);
    }
    return [district, industry, count, total, top1, top2];
  });
  const table: DemoTable = {
    kind: 'aggregate',
    countColumn: 'enterprise_count',
    magnitude: { totalColumn: 'revenue_total', largestColumns: ['revenue_top1', 'revenue_top2'] },
    columns: [
      col.district(),
      col.industry(),
      column('enterprise_count', SCJG, 'integer', 'derived', 1, 'aggregate'),
      column('revenue_total', SCJG, 'integer', 'confidential-business', 2, 'aggregate'),
      column('revenue_top1', SCJG, 'integer', 'confidential-business', 2, 'aggregate'),
      column('revenue_top2', SCJG, 'integer', 'confidential-business', 2, 'aggregate'),
    ],
    rows,
  };
  return {
    submittedAt: '2026-10-30T10:00:00+08:00',
    product: { name: '区县行业营业收入统计报告', kind: 'data-report', description: '按区县与行业汇总的企业营业收入（万元），含前两名企业收入用于集中度分析。', rawPackage: false },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [
      csvFile('data/revenue_by_district_industry.csv', table),
      markdownFile('report/报告.md', 'report', `# 区县行业营业收入统计\n\n统计 2025 年度 ${districts.length} 个区县、${INDUSTRIES.length} 个行业门类的企业营业收入（万元）。revenue_top1、revenue_top2 为单元格内收入最高的两家企业的收入。\n`),
    ],
  };
}

function backflowUnapproved(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1010);
  const rows: Cell[][] = MONTHS_2025.flatMap((month) =>
    HANGZHOU_DISTRICTS.map(([, district]) => [month, district, faker.number.int({ min: 500, max: 20000 }), faker.number.float({ min: 120, max: 900, fractionDigits: 2 })]),
  );
  const table: DemoTable = {
    kind: 'aggregate',
    countColumn: 'insured_count',
    columns: [
      column('month', HZ, 'string', 'public', 1, 'none'),
      column('district', HZ, 'string', 'public', 1, 'none'),
      column('insured_count', HZ, 'integer', 'derived', 2, 'aggregate'),
      column('avg_settle_amount', HZ, 'number', 'derived', 2, 'aggregate'),
    ],
    rows,
  };
  return {
    submittedAt: '2026-11-07T10:40:00+08:00',
    product: { name: '医保结算月度统计服务', kind: 'data-service', description: '按月、按区县提供参保结算人数与次均结算金额。', rawPackage: false },
    operator: OPERATORS.citydata,
    agreement: AGREEMENTS.hangzhou,
    scenario: SCENARIOS.claim,
    recipient: RECIPIENTS.insurer,
    sources: [SOURCES.settlementsUnapproved],
    processing: { methods: [] },
    files: [csvFile('data/settlement_monthly.csv', table)],
  };
}

function socialUnapproved(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1011);
  const districts = HANGZHOU_DISTRICTS.map(([, n]) => n);
  const rows: Cell[][] = districts.flatMap((origin) =>
    districts.map((dest) => {
      const trips = origin === dest ? faker.number.int({ min: 20000, max: 90000 }) : faker.number.int({ min: 20, max: 12000 });
      return [origin, dest, trips, Math.floor(trips * faker.number.float({ min: 0.2, max: 0.6 }))];
    }),
  );
  const table: DemoTable = {
    kind: 'aggregate',
    countColumn: 'trip_count',
    columns: [
      column('origin_district', 'SOC-YYS-0001', 'string', 'public', 1, 'none'),
      column('dest_district', 'SOC-YYS-0001', 'string', 'public', 1, 'none'),
      column('trip_count', 'SOC-YYS-0001', 'integer', 'derived', 2, 'aggregate'),
      column('transit_trip_count', 'HZ-JT-0021', 'integer', 'derived', 1, 'aggregate'),
    ],
    rows,
  };
  const plan = '# 服务方案\n\n以工作日早高峰（7:00–9:00）区县间通勤出行量为基础，结合公交地铁刷卡客流，为公交线网优化提供分析服务。\n\n- 交付方式：按季度提供分析结果与专题报告\n- 出行量由运营商手机信令统计得出，不含任何个人轨迹\n';
  return {
    submittedAt: '2026-11-10T15:25:00+08:00',
    product: { name: '城市通勤出行分析服务', kind: 'business-service', description: '融合手机信令与公交刷卡数据的区县通勤分析服务。', rawPackage: false },
    operator: OPERATORS.citydata,
    agreement: AGREEMENTS.hangzhou,
    scenario: SCENARIOS.commute,
    recipient: RECIPIENTS.planning,
    sources: [SOURCES.signalling, SOURCES.transit],
    processing: { methods: [] },
    files: [csvFile('data/commute_od.csv', table), markdownFile('docs/服务方案.md', 'supporting', plan)],
  };
}

function cleanBusinessService(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1015);
  const rows: Cell[][] = MONTHS_2025.flatMap((month) =>
    AGE_BANDS.map((age) => {
      const count = faker.number.int({ min: 30, max: 900 });
      return [month, age, count, count * faker.number.int({ min: 800, max: 12000 })];
    }),
  );
  const table: DemoTable = {
    kind: 'aggregate',
    countColumn: 'claim_count',
    columns: [
      column('month', HZ, 'string', 'public', 1, 'none'),
      column('age_band', HZ, 'string', 'personal', 2, 'generalize:age-band'),
      column('claim_count', HZ, 'integer', 'derived', 2, 'aggregate'),
      column('claim_amount_total', HZ, 'integer', 'derived', 2, 'aggregate'),
    ],
    rows,
  };
  const files: PayloadFile[] = [
    csvFile('data/claim_stats_monthly.csv', table),
    markdownFile(
      'docs/服务说明.md',
      'supporting',
      '# 快速理赔资源测算服务\n\n依据按月、按年龄段汇总的理赔件数与金额，为保险公司测算理赔人员与服务网点配置。服务只交付汇总结果，不交付明细记录。\n',
    ),
    textFile(
      'docs/服务等级协议.txt',
      'supporting',
      '服务等级协议（摘要）\n\n1. 服务时间：工作日 9:00-17:00。\n2. 月度汇总结果于次月 10 日前交付。\n3. 交付物只含汇总统计，不含个人明细。\n4. 接收方不得将交付物用于协议约定以外的场景。\n',
    ),
    markdownFile(
      'docs/数据流转说明.md',
      'supporting',
      `# 数据流转说明\n\n1. 省医保局结算数据经批准回流至杭州市（批准文号 ${SOURCES.settlementsApproved.approvalRef}）。\n2. 在授权运营域内按月、按年龄段汇总，单元格计数均不小于 30。\n3. 汇总结果经出域审核后交付接收方。\n`,
    ),
  ];
  return {
    submittedAt: '2026-11-19T10:10:00+08:00',
    product: { name: '快速理赔资源测算服务', kind: 'business-service', description: '以汇总理赔数据为保险公司测算理赔服务资源。', rawPackage: false },
    operator: OPERATORS.citydata,
    agreement: AGREEMENTS.hangzhou,
    scenario: SCENARIOS.claim,
    recipient: RECIPIENTS.insurer,
    sources: [SOURCES.settlementsApproved],
    processing: { methods: [] },
    files,
  };
}

// ---------------------------------------------------------------------------------------------
// Authorization-period problems (Ningbo and Yongjia agreements).

function expiredAgreement(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1005);
  const segments = ['港口装卸', '集装箱航运', '国际货代', '仓储物流'];
  const teu = ['<1万标箱', '1-5万标箱', '5-20万标箱', '>20万标箱'];
  const table: DemoTable = {
    kind: 'microdata',
    columns: [
      col.creditCode('NB-GH-0004'),
      col.district('NB-GH-0004'),
      column('segment', 'NB-GH-0004', 'string', 'public', 1, 'none'),
      column('teu_band', 'NB-GH-0004', 'string', 'confidential-business', 2, 'none'),
      column('month', 'NB-GH-0004', 'string', 'public', 1, 'none'),
    ],
    rows: Array.from({ length: 90 }, () => {
      const [code, district] = faker.helpers.arrayElement(NINGBO_DISTRICTS);
      return [creditCode(faker, code), district, faker.helpers.arrayElement(segments), faker.helpers.arrayElement(teu), faker.helpers.arrayElement(MONTHS_2025.slice(0, 9))];
    }),
  };
  return {
    submittedAt: '2026-10-27T14:30:00+08:00',
    product: { name: '港航企业经营规模数据服务', kind: 'data-service', description: '按月提供港航企业经营规模区间，支撑供应链融资。', rawPackage: false },
    operator: OPERATORS.ganghang,
    agreement: AGREEMENTS.ningboExpired,
    scenario: SCENARIOS.port,
    recipient: RECIPIENTS.portFinance,
    sources: [SOURCES.port],
    processing: { methods: [] },
    files: [ndjsonFile('data/port_enterprises.ndjson', table)],
  };
}

function overLongAgreement(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1006);
  const towns = ['瓯北街道', '桥头镇', '岩头镇', '枫林镇'];
  const crops = ['粮食', '水果', '茶叶'];
  const combos = balancedCombinations(faker, 84, [towns, crops]);
  const credit = diverseValues(faker, combos.map(([t, c]) => classKey(t!, c!)), ['AAA', 'AA', 'A', 'B']);
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['town', 'crop_category'],
    sensitive: ['credit_band'],
    columns: [
      col.creditCode('WZ-NY-0002'),
      column('town', 'WZ-NY-0002', 'string', 'public', 1, 'none'),
      column('crop_category', 'WZ-NY-0002', 'string', 'public', 1, 'none'),
      column('area_band', 'WZ-NY-0002', 'string', 'public', 1, 'none'),
      column('credit_band', 'WZ-NY-0002', 'string', 'derived', 2, 'none'),
    ],
    rows: combos.map(([town, crop], i) => [
      creditCode(faker, '330324', faker.datatype.boolean() ? 'cooperative' : 'enterprise'),
      town!,
      crop!,
      faker.helpers.arrayElement(['<50亩', '50-200亩', '200-500亩', '>500亩']),
      credit[i]!,
    ]),
  };
  return {
    submittedAt: '2026-11-02T08:55:00+08:00',
    product: { name: '农业经营主体信用画像数据包', kind: 'data-package', description: '永嘉县农民专业合作社与农业企业的经营规模与信用等级。', rawPackage: false },
    operator: OPERATORS.ouyue,
    agreement: AGREEMENTS.yongjiaOverLong,
    scenario: SCENARIOS.agriculture,
    recipient: RECIPIENTS.ruralCredit,
    sources: [SOURCES.agriculture],
    processing: { methods: [] },
    files: [tsvFile('data/agri_entities.tsv', table)],
  };
}

// ---------------------------------------------------------------------------------------------
// EC-2026-001018: an Excel workbook whose visible sheet is in order, and what Excel hides is not.

async function enterpriseWorkbook(seed: number): Promise<PackageDraft> {
  const faker = seededFaker(seed, 1018);
  const base = enterprises(faker, 64, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  const phones = base.map(() => mobile(faker));
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    columns: [
      col.creditCode(),
      col.enterpriseName(),
      col.district(),
      col.industry(),
      col.employeesBand(),
      column('legal_rep_phone', SCJG, 'string', 'personal', 3, 'mask:3,4'),
    ],
    rows: base.map((e, i) => [e.creditCode, e.name, e.district, e.industry, faker.helpers.arrayElement(EMPLOYEE_BANDS), maskKeep(phones[i]!, 3, 4)]),
  };
  // The operator masked the visible column, but left the clear numbers on a hidden sheet.
  const contacts: DemoSheet = {
    name: '联系人',
    state: 'hidden',
    header: ['enterprise_name', 'contact_name', 'contact_phone'],
    rows: base.slice(0, 48).map((e, i) => [e.name, personName(faker), phones[i]!]),
  };
  const notes: DemoSheet = {
    name: '填表说明',
    header: ['字段', '说明'],
    rows: [
      ['credit_code', '统一社会信用代码'],
      ['enterprise_name', '企业名称'],
      ['district', '所在区县'],
      ['industry', '国民经济行业门类'],
      ['employees_band', '从业人员规模区间'],
      ['legal_rep_phone', '法定代表人手机号，保留前三位和后四位'],
    ],
  };
  const author = personName(faker);
  return {
    submittedAt: '2026-11-24T10:20:00+08:00',
    product: {
      name: '区县企业名录数据包（Excel）',
      kind: 'data-package',
      description: '按区县和行业整理的企业名录 Excel 工作簿，法定代表人手机号声明已按 mask:3,4 脱敏。',
      rawPackage: false,
    },
    operator: OPERATORS.citydata,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: { methods: [{ field: 'legal_rep_phone', name: '掩码（保留前3后4位）', keyed: false, reversible: false }] },
    files: [
      await workbookFile(
        'data/企业名录.xlsx',
        { table, sheet: { name: '企业名录', hiddenRows: [7], hiddenColumns: ['legal_rep_phone'] } },
        [contacts, notes],
        { creator: author, lastModifiedBy: author },
      ),
      markdownFile(
        'report/说明.md',
        'report',
        `# 数据产品说明\n\n企业名录以 Excel 工作簿提交，数据在工作表“企业名录”中。法定代表人手机号已脱敏（保留前三位和后四位）。\n\n- 样本量：${base.length} 家企业\n- 区县范围：${FOUR_DISTRICTS.map(([, n]) => n).join('、')}\n`,
      ),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// EC-2026-001019…001028: masks, disclosure control, scenario, reversibility and scope problems.

function nonconformingMasks(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1019);
  const base = enterprises(faker, 80, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  // Identity numbers masked by the legacy rule (region code kept: 6+4); phones processed in two
  // batches, one of which kept only the last four digits.
  const rows: Cell[][] = base.map((e, i) => {
    const id = residentId(faker, ZHEJIANG_REGIONS);
    const phone = mobile(faker);
    return [e.creditCode, e.name, e.district, e.industry, maskKeep(id, 6, 4), i % 4 === 3 ? maskKeep(phone, 0, 4) : maskKeep(phone, 3, 4)];
  });
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    columns: [
      col.creditCode(),
      col.enterpriseName(),
      col.district(),
      col.industry(),
      column('legal_rep_id', SCJG, 'string', 'sensitive-personal', 3, 'mask:3,4'),
      column('legal_rep_phone', SCJG, 'string', 'personal', 3, 'mask:3,4'),
    ],
    rows,
  };
  const report = `# 数据产品说明\n\n法定代表人身份证号和手机号均声明按 mask:3,4 脱敏（保留前三位和后四位）。\n\n- 样本量：${rows.length} 家企业\n- 身份证号由原核验系统导出，手机号分两批处理\n`;
  return {
    submittedAt: '2026-10-15T10:30:00+08:00',
    product: { name: '企业法定代表人实名核验数据包', kind: 'data-package', description: '企业法定代表人身份证号与手机号的脱敏结果，用于授信前实名核验。', rawPackage: false },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: {
      methods: [
        { field: 'legal_rep_id', name: '掩码（保留前3后4位）', keyed: false, reversible: false },
        { field: 'legal_rep_phone', name: '掩码（保留前3后4位）', keyed: false, reversible: false },
      ],
    },
    files: [csvFile('data/legal_rep_verification.csv', table), markdownFile('report/说明.md', 'report', report)],
  };
}

function fineGrainedMicrodata(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1020);
  // District × industry × employee band: 96 combinations for 120 enterprises, most classes of one or two.
  const base = enterprises(faker, 120, FOUR_DISTRICTS, INDUSTRIES);
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry', 'employees_band'],
    columns: [col.creditCode(), col.district(), col.industry(), col.employeesBand(), column('tax_credit_grade', 'ZJ-SWJ-0031', 'string', 'derived', 2, 'none')],
    rows: base.map((e) => [
      e.creditCode,
      e.district,
      e.industry,
      faker.helpers.arrayElement(EMPLOYEE_BANDS),
      faker.helpers.weightedArrayElement([
        { weight: 35, value: 'A' },
        { weight: 40, value: 'B' },
        { weight: 15, value: 'M' },
        { weight: 10, value: 'C' },
      ]),
    ]),
  };
  return {
    submittedAt: '2026-10-19T14:10:00+08:00',
    product: {
      name: '小微企业贷后监测明细数据包',
      kind: 'data-package',
      description: '按区县、行业和从业人员规模列出的企业纳税信用等级明细，用于贷后风险监测。',
      rawPackage: false,
    },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.risk,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.enterprises, SOURCES.tax],
    processing: { methods: [] },
    files: [csvFile('data/post_loan_monitoring.csv', table)],
  };
}

function homogeneousClasses(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1021);
  const base = enterprises(faker, 96, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  const keys = base.map((e) => classKey(e.district, e.industry));
  const bands = diverseValues(faker, keys, SCORE_BANDS);
  // Three classes where every enterprise has the same band: knowing an enterprise's district and
  // industry tells its band.
  const uniform = new Set(faker.helpers.arrayElements([...new Set(keys)].sort(), 3));
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    sensitive: ['score_band'],
    columns: [col.creditCode(), col.enterpriseName(), col.district(), col.industry(), col.employeesBand(), col.scoreBand()],
    rows: base.map((e, i) => [e.creditCode, e.name, e.district, e.industry, faker.helpers.arrayElement(EMPLOYEE_BANDS), uniform.has(keys[i]!) ? 'D' : bands[i]!]),
  };
  return {
    submittedAt: '2026-10-23T09:20:00+08:00',
    product: { name: '区县行业企业信用等级样本数据包', kind: 'data-package', description: '按区县和行业抽取的企业信用评分等级样本，每个区县行业组合 6 家企业。', rawPackage: false },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [csvFile('data/score_band_sample.csv', table)],
  };
}

function recoverableSuppression(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1022);
  const districts = HANGZHOU_DISTRICTS.map(([, n]) => n);
  // Small counts are suppressed as "<10". In two districts only one cell is, and the district's
  // subtotal gives it back; in a third, two cells are (as secondary suppression requires).
  const [single1, single2, double] = faker.helpers.arrayElements(districts, 3);
  const rows: Cell[][] = [];
  for (const district of districts) {
    const small = new Set<number>();
    if (district === single1 || district === single2) small.add(faker.number.int({ min: 0, max: AGE_BANDS.length - 1 }));
    if (district === double) for (const i of faker.helpers.arrayElements(Array.from(AGE_BANDS.keys()), 2)) small.add(i);
    let total = 0;
    AGE_BANDS.forEach((age, i) => {
      const count = small.has(i) ? faker.number.int({ min: 1, max: 9 }) : faker.number.int({ min: 40, max: 2400 });
      total += count;
      rows.push([district, age, small.has(i) ? '<10' : count]);
    });
    rows.push([district, '小计', total]);
  }
  const table: DemoTable = {
    kind: 'aggregate',
    countColumn: 'insured_count',
    columns: [
      column('district', HZ, 'string', 'public', 1, 'none'),
      column('age_band', HZ, 'string', 'personal', 2, 'generalize:age-band'),
      column('insured_count', HZ, 'integer', 'derived', 2, 'aggregate'),
    ],
    rows,
  };
  const report = `# 2025 年度参保人群年龄结构报告\n\n按区县和年龄段统计 2025 年度发生医保结算的参保人数，每个区县附小计行。\n\n小于 10 的单元格以“<10”表示。\n`;
  return {
    submittedAt: '2026-10-28T15:00:00+08:00',
    product: { name: '参保人群年龄结构统计报告', kind: 'data-report', description: '按区县与年龄段汇总的医保结算人数，附区县小计。', rawPackage: false },
    operator: OPERATORS.citydata,
    agreement: AGREEMENTS.hangzhou,
    scenario: SCENARIOS.claim,
    recipient: RECIPIENTS.insurer,
    sources: [SOURCES.settlementsApproved],
    processing: { methods: [] },
    files: [csvFile('data/insured_by_district_age.csv', table), markdownFile('report/报告.md', 'report', report)],
  };
}

function tourismFlows(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1023);
  const origins = HANGZHOU_DISTRICTS.map(([, n]) => n);
  const destinations = ['杭州市西湖区', '杭州市上城区', '杭州市拱墅区', '杭州市临安区'];
  const rows: Cell[][] = origins.flatMap((origin) =>
    destinations.map((dest) => {
      const trips = faker.number.int({ min: 300, max: 48000 });
      return [origin, dest, trips, Math.floor(trips * faker.number.float({ min: 0.15, max: 0.55 }))];
    }),
  );
  const table: DemoTable = {
    kind: 'aggregate',
    countColumn: 'trip_count',
    columns: [
      column('origin_district', 'SOC-YYS-0001', 'string', 'public', 1, 'none'),
      column('dest_district', 'SOC-YYS-0001', 'string', 'public', 1, 'none'),
      column('trip_count', 'SOC-YYS-0001', 'integer', 'derived', 2, 'aggregate'),
      column('transit_trip_count', 'HZ-JT-0021', 'integer', 'derived', 1, 'aggregate'),
    ],
    rows,
  };
  const report = `# 景区周边客流来源分析报告\n\n统计 2025 年节假日期间各区县前往西湖、上城、拱墅、临安四个景区所在区县的出行量，以及其中乘坐公交地铁的出行量。\n\n- 出行量由运营商手机信令统计得出（批准文号 ${SOCIAL_APPROVAL}），不含任何个人轨迹\n- 用途：文旅营销投放与景区客流疏导\n`;
  return {
    submittedAt: '2026-11-04T10:05:00+08:00',
    product: { name: '景区周边客流来源分析报告', kind: 'data-report', description: '各区县前往主要景区所在区县的节假日出行量，用于文旅营销。', rawPackage: false },
    operator: OPERATORS.citydata,
    agreement: AGREEMENTS.hangzhou,
    scenario: SCENARIOS.tourism,
    recipient: RECIPIENTS.tourism,
    sources: [SOURCES.signallingApproved, SOURCES.transit],
    processing: { methods: [] },
    files: [csvFile('data/scenic_visitor_origins.csv', table), markdownFile('report/报告.md', 'report', report)],
  };
}

function insurerRecipient(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1024);
  const base = enterprises(faker, 80, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  const bands = diverseValues(faker, base.map((e) => classKey(e.district, e.industry)), SCORE_BANDS);
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    sensitive: ['score_band'],
    columns: [col.creditCode(), col.enterpriseName(), col.district(), col.industry(), col.employeesBand(), col.scoreBand()],
    rows: base.map((e, i) => [e.creditCode, e.name, e.district, e.industry, faker.helpers.arrayElement(EMPLOYEE_BANDS), bands[i]!]),
  };
  return {
    submittedAt: '2026-11-06T16:30:00+08:00',
    product: {
      name: '企业信用评分数据包（保险增信）',
      kind: 'data-package',
      description: '企业信用评分等级，供保险公司承保小微企业贷款保证保险时参考。',
      rawPackage: false,
    },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.insurer,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [ndjsonFile('data/enterprise_scores.ndjson', table)],
  };
}

async function reversibleDelivery(seed: number): Promise<PackageDraft> {
  const faker = seededFaker(seed, 1025);
  const base = enterprises(faker, 80, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  const key = faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
  const rows: Cell[][] = [];
  for (const e of base) {
    // Stands in for SM4-ECB ciphertext of the phone (one 16-byte block, hex); the demo needs its
    // shape, not a cipher.
    const ciphertext = (await sm3(`${key}:${mobile(faker)}`)).slice(0, 32);
    rows.push([e.creditCode, e.name, e.district, e.industry, ciphertext, `TKN${faker.string.alphanumeric({ length: 16, casing: 'upper' })}`]);
  }
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    columns: [
      col.creditCode(),
      col.enterpriseName(),
      col.district(),
      col.industry(),
      column('legal_rep_phone', SCJG, 'string', 'personal', 3, 'encrypt-sm4'),
      column('legal_rep_id', SCJG, 'string', 'sensitive-personal', 3, 'tokenize'),
    ],
    rows,
  };
  const guide = '# 对接说明\n\n- 法定代表人手机号以 SM4 加密交付，密钥由接收方在授信回访时向运营方申请\n- 法定代表人身份证号以令牌交付，接收方可调用运营方令牌服务换回原值\n';
  return {
    submittedAt: '2026-11-09T11:45:00+08:00',
    product: {
      name: '法定代表人联系方式加密交付服务',
      kind: 'data-service',
      description: '以 SM4 加密手机号和令牌化身份证号的方式交付法定代表人信息，接收方可按需解密。',
      rawPackage: false,
    },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: {
      methods: [
        { field: 'legal_rep_phone', name: 'SM4 加密', keyed: true, reversible: true },
        { field: 'legal_rep_id', name: '令牌化', keyed: true, reversible: true },
      ],
    },
    files: [ndjsonFile('data/legal_rep_contacts.ndjson', table), markdownFile('docs/对接说明.md', 'supporting', guide)],
  };
}

async function undeclaredDigest(seed: number): Promise<PackageDraft> {
  const faker = seededFaker(seed, 1026);
  const base = enterprises(faker, 80, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  // A keyed HMAC-SM3 in fact, but the manifest declares neither the transform nor a method.
  const hmac = await createHMAC(createSM3(), faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }));
  const rows: Cell[][] = base.map((e) => {
    hmac.init();
    hmac.update(mobile(faker));
    return [e.creditCode, e.name, e.district, e.industry, hmac.digest('hex')];
  });
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    columns: [col.creditCode(), col.enterpriseName(), col.district(), col.industry(), column('phone_digest', SCJG, 'string', 'derived', 3, 'none')],
    rows,
  };
  return {
    submittedAt: '2026-11-11T14:35:00+08:00',
    product: { name: '企业联系人匹配数据包（摘要版）', kind: 'data-package', description: '法定代表人手机号摘要，供接收方与自有客户名单匹配；未说明摘要的生成方式。', rawPackage: false },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [csvFile('data/contact_digests.csv', table)],
  };
}

function overGraded(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1027);
  const table: DemoTable = {
    kind: 'microdata',
    columns: [
      col.creditCode('ZJ-SWJ-0031', 1),
      column('tax_credit_grade', 'ZJ-SWJ-0031', 'string', 'derived', 3, 'none'),
      column('tax_year', 'ZJ-SWJ-0031', 'integer', 'public', 1, 'none'),
    ],
    rows: Array.from({ length: 60 }, () => [
      creditCode(faker, faker.helpers.arrayElement(ZHEJIANG_REGIONS)),
      faker.helpers.arrayElement(['A', 'B', 'M', 'C', 'D']),
      2025,
    ]),
  };
  return {
    submittedAt: '2026-11-13T10:50:00+08:00',
    product: {
      name: '企业纳税信用等级数据包（年度）',
      kind: 'data-package',
      description: '2025 年度企业纳税信用等级；运营方按自有分类分级目录将纳税信用等级定为 3 级。',
      rawPackage: false,
    },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.risk,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.tax],
    processing: { methods: [] },
    files: [tsvFile('data/tax_credit_2025.tsv', table)],
  };
}

function excelMangledCodes(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1028);
  const codeOf = new Map(FOUR_DISTRICTS.map(([code, name]) => [name, code]));
  const base = enterprises(faker, 80, FOUR_DISTRICTS, FOUR_INDUSTRIES);
  // Every other enterprise was registered before 2015 with an all-digit organisation code; Excel
  // took those codes for numbers and "Save as CSV" wrote them as 9.13301E+17.
  const rows: Cell[][] = base.map((e, i) => [
    i % 2 === 0 ? spreadsheetNumber(numericCreditCode(faker, codeOf.get(e.district)!)) : e.creditCode,
    e.name,
    e.district,
    e.industry,
    faker.helpers.arrayElement(EMPLOYEE_BANDS),
  ]);
  const table: DemoTable = {
    kind: 'microdata',
    quasiIdentifiers: ['district', 'industry'],
    columns: [col.creditCode(), col.enterpriseName(), col.district(), col.industry(), col.employeesBand()],
    rows,
  };
  return {
    submittedAt: '2026-11-16T09:40:00+08:00',
    product: { name: '存量企业名录数据包', kind: 'data-package', description: '区县存量企业名录，经 Excel 整理后另存为 CSV（UTF-8）。', rawPackage: false },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [csvFile('data/enterprise_register.csv', table, { bom: true })],
  };
}

// ---------------------------------------------------------------------------------------------
// EC-2026-001029, 001030: an agreement without a policy, and a revision chain that does not hold.

function unissuedAgreement(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1029);
  const table: DemoTable = {
    kind: 'microdata',
    columns: [col.creditCode('ZJ-SWJ-0031', 1), column('tax_credit_grade', 'ZJ-SWJ-0031', 'string', 'derived', 2, 'none'), column('tax_year', 'ZJ-SWJ-0031', 'integer', 'public', 1, 'none')],
    rows: Array.from({ length: 90 }, () => [creditCode(faker, faker.helpers.arrayElement(ZHEJIANG_REGIONS)), faker.helpers.arrayElement(['A', 'B', 'M', 'C', 'D']), 2025]),
  };
  return {
    submittedAt: '2026-11-18T15:15:00+08:00',
    product: { name: '企业纳税信用等级变动提醒服务', kind: 'data-service', description: '按月推送贷款企业纳税信用等级的变动，用于贷后监测。', rawPackage: false },
    operator: OPERATORS.zhijiang,
    agreement: UNISSUED_AGREEMENTS.riskProvince2026,
    scenario: SCENARIOS.risk,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.tax],
    processing: { methods: [] },
    files: [ndjsonFile('data/tax_grade_changes.ndjson', table)],
  };
}

async function claimForecast(seed: number, context: BuildContext, revision: 1 | 2): Promise<PackageDraft> {
  const faker = seededFaker(seed, 1030);
  const districts = HANGZHOU_DISTRICTS.slice(0, 5).map(([, n]) => n);
  const rows: Cell[][] = MONTHS_2025.flatMap((month) => districts.map((district) => [month, district, faker.number.int({ min: 30, max: 1200 })]));
  if (revision === 2) {
    // The resubmission corrects the counts of the last quarter in two districts.
    const change = seededFaker(seed, 103002);
    for (const row of rows) if (row[0]! >= '2025-10' && (row[1] === districts[0] || row[1] === districts[3])) row[2] = (row[2] as number) + change.number.int({ min: 5, max: 60 });
  }
  const table: DemoTable = {
    kind: 'aggregate',
    countColumn: 'claim_count',
    columns: [column('month', HZ, 'string', 'public', 1, 'none'), column('district', HZ, 'string', 'public', 1, 'none'), column('claim_count', HZ, 'integer', 'derived', 2, 'aggregate')],
    rows,
  };
  const report =
    revision === 1
      ? '# 理赔服务网点需求测算报告\n\n按月、按区县统计 2025 年理赔件数，测算各区县理赔服务网点需求。\n'
      : '# 理赔服务网点需求测算报告（第 2 版）\n\n按月、按区县统计 2025 年理赔件数，测算各区县理赔服务网点需求。第 2 版更正了两个区县第四季度的理赔件数。\n';
  let previous: string | undefined;
  if (revision === 2) {
    // Revision 2 names the digest of the operator's own rebuild of revision 1 (re-exported later
    // that day), not of the revision 1 that was submitted.
    const rebuilt = { ...context.candidateManifest('EC-2026-001030', 1), submittedAt: '2026-10-21T17:30:00+08:00' };
    previous = await canonicalSm3(rebuilt);
  }
  return {
    ...(previous ? { previousRevisionDigest: previous } : {}),
    submittedAt: revision === 1 ? '2026-10-21T10:00:00+08:00' : '2026-11-20T16:00:00+08:00',
    product: { name: '理赔服务网点需求测算报告', kind: 'data-report', description: '按月、按区县汇总的理赔件数，用于测算理赔服务网点需求。', rawPackage: false },
    operator: OPERATORS.citydata,
    agreement: AGREEMENTS.hangzhou,
    scenario: SCENARIOS.claim,
    recipient: RECIPIENTS.insurer,
    sources: [SOURCES.settlementsApproved],
    processing: { methods: [] },
    files: [csvFile('data/claims_by_month_district.csv', table), markdownFile('report/报告.md', 'report', report)],
  };
}

// ---------------------------------------------------------------------------------------------
// broken/: integrity problems the import refuses, for `review check` only.

function creditBandsForBroken(seed: number, salt: number): { table: DemoTable; count: number } {
  const faker = seededFaker(seed, salt);
  const base = enterprises(faker, 64, FOUR_DISTRICTS, FOUR_INDUSTRIES.slice(0, 2));
  const bands = diverseValues(faker, base.map((e) => classKey(e.district, e.industry)), SCORE_BANDS);
  return {
    count: base.length,
    table: {
      kind: 'microdata',
      quasiIdentifiers: ['district', 'industry'],
      sensitive: ['score_band'],
      columns: [col.creditCode(), col.enterpriseName(), col.district(), col.industry(), col.scoreBand()],
      rows: base.map((e, i) => [e.creditCode, e.name, e.district, e.industry, bands[i]!]),
    },
  };
}

function editedAfterManifest(seed: number): PackageDraft {
  const { table, count } = creditBandsForBroken(seed, 1031);
  return {
    submittedAt: '2026-11-23T09:10:00+08:00',
    product: { name: '企业信用评分数据包（季度更新）', kind: 'data-package', description: '按区县和行业给出的企业信用评分等级，季度更新。', rawPackage: false },
    operator: OPERATORS.shuzhi,
    agreement: AGREEMENTS.creditProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.bank,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [csvFile('data/enterprise_scores.csv', table), markdownFile('report/说明.md', 'report', `# 数据产品说明\n\n企业信用评分等级季度更新，样本量 ${count} 家企业。\n`)],
  };
}

/** Changes the score band (last cell) of the third data row: a correction made after the manifest. */
function changeThirdBand(content: Uint8Array): Uint8Array {
  const lines = new TextDecoder().decode(content).split('\n');
  const cells = lines[3]!.split(',');
  cells[cells.length - 1] = cells.at(-1) === 'A' ? 'B' : 'A';
  lines[3] = cells.join(',');
  return new TextEncoder().encode(lines.join('\n'));
}

function renamedReport(seed: number): PackageDraft {
  const { table, count } = creditBandsForBroken(seed, 1032);
  return {
    submittedAt: '2026-11-25T13:30:00+08:00',
    product: { name: '普惠金融企业信用等级数据包', kind: 'data-package', description: '企业信用评分等级与说明文档，用于普惠金融授信。', rawPackage: false },
    operator: OPERATORS.zhijiang,
    agreement: AGREEMENTS.riskProvince,
    scenario: SCENARIOS.credit,
    recipient: RECIPIENTS.lender,
    sources: [SOURCES.enterprises],
    processing: { methods: [] },
    files: [csvFile('data/credit_bands.csv', table), markdownFile('report/说明.md', 'report', `# 数据产品说明\n\n企业信用评分等级，样本量 ${count} 家企业。\n`)],
  };
}

function zippedWithLink(seed: number): PackageDraft {
  const faker = seededFaker(seed, 1033);
  const rows: Cell[][] = MONTHS_2025.flatMap((month) => HANGZHOU_DISTRICTS.slice(0, 4).map(([, district]) => [month, district, faker.number.int({ min: 30, max: 900 })]));
  const table: DemoTable = {
    kind: 'aggregate',
    countColumn: 'claim_count',
    columns: [column('month', HZ, 'string', 'public', 1, 'none'), column('district', HZ, 'string', 'public', 1, 'none'), column('claim_count', HZ, 'integer', 'derived', 2, 'aggregate')],
    rows,
  };
  return {
    submittedAt: '2026-11-26T10:00:00+08:00',
    product: { name: '理赔件数月度统计数据包', kind: 'data-package', description: '按月、按区县汇总的理赔件数（zip 打包提交）。', rawPackage: false },
    operator: OPERATORS.citydata,
    agreement: AGREEMENTS.hangzhou,
    scenario: SCENARIOS.claim,
    recipient: RECIPIENTS.insurer,
    sources: [SOURCES.settlementsApproved],
    processing: { methods: [] },
    files: [csvFile('data/claims_monthly.csv', table)],
  };
}

/** Every demo package, in generation order (a revision after the one it revises). */
export const DEMO_PACKAGES: readonly DemoPackageSpec[] = [
  {
    id: 'EC-2026-001001',
    revision: 1,
    kind: 'data-package',
    description: 'Clean CSV data package: enterprise credit bands, legal-rep phones masked 138****5678 (mask:3,4); k-anonymous and l-diverse; no findings.',
    targets: [],
    policy: POLICY.CREDIT,
    build: (c) => cleanScores(c.seed, 1),
  },
  {
    id: 'EC-2026-001001',
    revision: 2,
    kind: 'data-package',
    description: 'Revision 2 of EC-2026-001001: previousRevisionDigest names revision 1; 8 employee bands corrected, 6 rows added, report updated.',
    targets: ['revision.changed'],
    policy: POLICY.CREDIT,
    build: (c) => cleanScores(c.seed, 2, c.candidateDigest('EC-2026-001001', 1)),
  },
  {
    id: 'EC-2026-001002',
    revision: 1,
    kind: 'data-package',
    description: 'Clear mobile numbers and resident IDs (valid check digits) in columns declared mask:3,4.',
    targets: ['pii.unmasked'],
    policy: POLICY.CREDIT,
    build: (c) => clearIdentifiers(c.seed),
  },
  {
    id: 'EC-2026-001003',
    revision: 1,
    kind: 'data-package',
    description: 'Unsalted MD5 of the phone number declared hash-md5 beside the masked phone (10^4 candidates per row); policy requires hmac-sm3.',
    targets: ['reversible.unkeyed-hash', 'reversible.recovered', 'scope.transform-missing'],
    policy: POLICY.RISK,
    build: (c) => md5Digests(c.seed),
  },
  {
    id: 'EC-2026-001004',
    revision: 1,
    kind: 'data-package',
    description: 'Raw package (rawPackage: true) with clear names, phones and resident IDs at grade 3, transform none (the clear names also read as free-text names).',
    targets: ['export.raw-package', 'pii.unmasked', 'scope.transform-missing', 'pii.free-text-names'],
    policy: POLICY.RISK,
    build: (c) => rawPackage(c.seed),
  },
  {
    id: 'EC-2026-001005',
    revision: 1,
    kind: 'data-service',
    description: 'NDJSON data service under the Ningbo agreement that ended 2025-12-31 (expired authorization).',
    targets: ['authz.expired'],
    policy: POLICY.NINGBO,
    build: (c) => expiredAgreement(c.seed),
  },
  {
    id: 'EC-2026-001006',
    revision: 1,
    kind: 'data-package',
    description: 'TSV data package under the Yongjia agreement drafted for 4 years (2025-07-01..2029-06-30), over the 3-year cap; cooperative (93…) credit codes.',
    targets: ['authz.period-too-long'],
    policy: POLICY.YONGJIA,
    build: (c) => overLongAgreement(c.seed),
  },
  {
    id: 'EC-2026-001007',
    revision: 1,
    kind: 'data-package',
    description: 'Unauthorized field: reg_address (street addresses with house numbers) is not in the policy authorizedFields, and, declared public, reads as undeclared personal addresses.',
    targets: ['scope.unauthorized-field', 'pii.undeclared'],
    policy: POLICY.RISK,
    build: (c) => unauthorizedField(c.seed),
  },
  {
    id: 'EC-2026-001008',
    revision: 1,
    kind: 'data-report',
    description: 'Aggregate report (UTF-8 CSV with BOM): claim counts by district × age band with 6 cells below 10 and 4 zeros.',
    targets: ['sdc.small-cell'],
    policy: POLICY.HANGZHOU,
    build: (c) => smallCells(c.seed),
  },
  {
    id: 'EC-2026-001009',
    revision: 1,
    kind: 'data-report',
    description: 'Magnitude table with revenue_top1/revenue_top2: 6 cells where the top two reach 91–95 % of the total.',
    targets: ['sdc.dominance', 'sdc.p-ratio'],
    policy: POLICY.CREDIT,
    build: (c) => dominance(c.seed),
  },
  {
    id: 'EC-2026-001010',
    revision: 1,
    kind: 'data-service',
    description: 'Province backflow source (HZ-YB-0009, backflow: true) without an approvalRef.',
    targets: ['source.backflow-unapproved'],
    policy: POLICY.HANGZHOU,
    build: (c) => backflowUnapproved(c.seed),
  },
  {
    id: 'EC-2026-001011',
    revision: 1,
    kind: 'business-service',
    description: 'Business service using social data (mobile signalling, social: true) without the authority approval.',
    targets: ['source.social-unapproved'],
    policy: POLICY.HANGZHOU,
    build: (c) => socialUnapproved(c.seed),
  },
  {
    id: 'EC-2026-001012',
    revision: 1,
    kind: 'data-interface',
    description: 'OpenAPI 3 JSON spec (role api-spec) whose response exposes legal_rep_home_address, outside the authorized fields.',
    targets: ['scope.api-field'],
    policy: POLICY.RISK,
    build: (c) => openApiInterface(c.seed),
  },
  {
    id: 'EC-2026-001013',
    revision: 1,
    kind: 'data-model',
    description: 'Data model whose Markdown model card (role model-card) names the model owner with a clear mobile number.',
    targets: ['pii.in-text'],
    policy: POLICY.CREDIT,
    build: (c) => modelWithCard(c.seed),
  },
  {
    id: 'EC-2026-001014',
    revision: 1,
    kind: 'data-package',
    description: 'Clean content in a GB18030-encoded CSV without BOM (intake must fall back from UTF-8 and warn).',
    targets: ['intake.encoding-guessed'],
    policy: POLICY.CREDIT,
    build: (c) => gb18030Package(c.seed),
  },
  {
    id: 'EC-2026-001015',
    revision: 1,
    kind: 'business-service',
    description: 'Clean business service with supporting docs (Markdown and plain text) and an approved province backflow source.',
    targets: [],
    policy: POLICY.HANGZHOU,
    build: (c) => cleanBusinessService(c.seed),
  },
  {
    id: 'EC-2026-001016',
    revision: 1,
    kind: 'data-package',
    description: 'JSON-array merchant list where half the credit codes are sole traders (92…), declared public.',
    targets: ['pii.undeclared'],
    policy: POLICY.RISK,
    build: (c) => soleTraders(c.seed),
  },
  {
    id: 'EC-2026-001017',
    revision: 1,
    kind: 'data-service',
    description: 'Clean NDJSON data service: enterprise tax-credit grades for post-loan monitoring (second scenario of its policy).',
    targets: [],
    policy: POLICY.RISK,
    build: (c) => taxService(c.seed),
  },
  {
    id: 'EC-2026-001018',
    revision: 1,
    kind: 'data-package',
    description:
      'Excel workbook (.xlsx): the declared sheet 企业名录 masks phones (mask:3,4) but hides a row and the phone column; a hidden sheet 联系人 holds names and clear mobiles; the document properties name the author. The undescribed sheets are outside the authorized fields, and 64 enterprises over 16 district × industry classes leave classes of 4 (< k = 5).',
    targets: ['intake.hidden-content', 'pii.undeclared', 'pii.free-text-names', 'scope.unauthorized-field', 'sdc.k-anonymity'],
    policy: POLICY.CREDIT,
    build: (c) => enterpriseWorkbook(c.seed),
  },
  {
    id: 'EC-2026-001019',
    revision: 1,
    kind: 'data-package',
    description: 'Masks in the wrong form: resident IDs masked 6+4 (330106********1234) where mask:3,4 is required, and a phone column masked 3+4 in most rows but 0+4 (*******5678) in a quarter of them.',
    targets: ['pii.mask-nonconforming'],
    policy: POLICY.CREDIT,
    build: (c) => nonconformingMasks(c.seed),
  },
  {
    id: 'EC-2026-001020',
    revision: 1,
    kind: 'data-package',
    description: 'Microdata over three quasi-identifiers (district × industry × employee band, 96 combinations for 120 enterprises): most equivalence classes hold 1–2 rows, below k = 5.',
    targets: ['sdc.k-anonymity'],
    policy: POLICY.RISK,
    build: (c) => fineGrainedMicrodata(c.seed),
  },
  {
    id: 'EC-2026-001021',
    revision: 1,
    kind: 'data-package',
    description: 'k-anonymous sample (6 enterprises per district × industry class) in which three classes have one score band only: fewer than l = 2 distinct sensitive values.',
    targets: ['sdc.l-diversity'],
    policy: POLICY.CREDIT,
    build: (c) => homogeneousClasses(c.seed),
  },
  {
    id: 'EC-2026-001022',
    revision: 1,
    kind: 'data-report',
    description: 'Aggregate report with district subtotal rows (小计): small counts are suppressed as "<10", but in two districts a single suppressed cell can be recovered from the subtotal.',
    targets: ['sdc.secondary'],
    policy: POLICY.HANGZHOU,
    build: (c) => recoverableSuppression(c.seed),
  },
  {
    id: 'EC-2026-001023',
    revision: 1,
    kind: 'data-report',
    description: 'Visitor-origin report for a tourism company under scenario SC-TOURISM-FLOW, which the Hangzhou policy does not approve (approved social data, counts of 300+).',
    targets: ['scenario.not-approved'],
    policy: POLICY.HANGZHOU,
    build: (c) => tourismFlows(c.seed),
  },
  {
    id: 'EC-2026-001024',
    revision: 1,
    kind: 'data-package',
    description: 'Clean NDJSON credit bands for an insurer, which the policy does not approve as a recipient of scenario SC-FIN-CREDIT.',
    targets: ['scenario.recipient-not-approved'],
    policy: POLICY.CREDIT,
    build: (c) => insurerRecipient(c.seed),
  },
  {
    id: 'EC-2026-001025',
    revision: 1,
    kind: 'data-service',
    description: 'Reversible delivery: legal-rep phones declared encrypt-sm4 (hex ciphertext) and resident IDs declared tokenize (TKN… tokens), with methods declared reversible; the policy requires mask:3,4 or hmac-sm3.',
    targets: ['reversible.declared', 'scope.transform-missing'],
    policy: POLICY.CREDIT,
    build: (c) => reversibleDelivery(c.seed),
  },
  {
    id: 'EC-2026-001026',
    revision: 1,
    kind: 'data-package',
    description: 'phone_digest holds near-unique 64-hex digests (a keyed HMAC-SM3 in fact) but is declared transform none with no processing method; the policy requires hmac-sm3.',
    targets: ['reversible.digest-undeclared', 'scope.transform-missing'],
    policy: POLICY.RISK,
    build: (c) => undeclaredDigest(c.seed),
  },
  {
    id: 'EC-2026-001027',
    revision: 1,
    kind: 'data-package',
    description: 'TSV tax-credit grades declared grade 3, above the grade 2 the policy authorizes for tax_credit_grade.',
    targets: ['scope.grade-exceeded'],
    policy: POLICY.RISK,
    build: (c) => overGraded(c.seed),
  },
  {
    id: 'EC-2026-001028',
    revision: 1,
    kind: 'data-package',
    description: 'CSV saved from Excel (UTF-8 with BOM): the all-digit credit codes of pre-2015 enterprises became 9.13301E+17, losing digits.',
    targets: ['intake.precision-loss'],
    policy: POLICY.RISK,
    build: (c) => excelMangledCodes(c.seed),
  },
  {
    id: 'EC-2026-001029',
    revision: 1,
    kind: 'data-service',
    description: 'Cites agreement ZJ-SQYY-2026-003, signed but without an issued policy; reviewed against POL-ZJ-SQYY-2025-012 of the agreement the operator holds.',
    targets: ['authz.agreement-mismatch'],
    policy: POLICY.RISK,
    build: (c) => unissuedAgreement(c.seed),
  },
  {
    id: 'EC-2026-001030',
    revision: 1,
    kind: 'data-report',
    description: 'Clean aggregate report (claims by month × district, counts 30+), revision 1.',
    targets: [],
    policy: POLICY.HANGZHOU,
    build: (c) => claimForecast(c.seed, c, 1),
  },
  {
    id: 'EC-2026-001030',
    revision: 2,
    kind: 'data-report',
    description: 'Revision 2 of EC-2026-001030: corrected counts and report, but previousRevisionDigest names a later rebuild of revision 1, not the revision 1 submitted.',
    targets: ['revision.chain-broken', 'revision.changed'],
    policy: POLICY.HANGZHOU,
    build: (c) => claimForecast(c.seed, c, 2),
  },
  {
    id: 'EC-2026-001031',
    revision: 1,
    kind: 'data-package',
    description: 'broken/: a score band in the data file was corrected after candidate.json pinned its sha256 and sm3.',
    targets: ['intake.digest-mismatch'],
    policy: POLICY.CREDIT,
    damage: { kind: 'edited-after-manifest', path: 'data/enterprise_scores.csv', edit: changeThirdBand },
    build: (c) => editedAfterManifest(c.seed),
  },
  {
    id: 'EC-2026-001032',
    revision: 1,
    kind: 'data-package',
    description: 'broken/: the report listed as report/说明.md was renamed to report/说明（终稿）.md after the manifest was made.',
    targets: ['intake.missing-file', 'intake.undeclared-file'],
    policy: POLICY.RISK,
    damage: { kind: 'renamed', from: 'report/说明.md', to: 'report/说明（终稿）.md' },
    build: (c) => renamedReport(c.seed),
  },
  {
    id: 'EC-2026-001033',
    revision: 1,
    kind: 'data-package',
    description: 'broken/: a .zip package that also holds a symbolic link (data/claims_full.csv → /srv/export/claims_full.csv) outside the package.',
    targets: ['intake.unsafe-path'],
    policy: POLICY.HANGZHOU,
    damage: { kind: 'zip-with-link', link: 'data/claims_full.csv', target: '/srv/export/claims_full.csv' },
    build: (c) => zippedWithLink(c.seed),
  },
];
