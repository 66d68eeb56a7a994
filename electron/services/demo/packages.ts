/**
 * The demo export candidates: one spec per package folder, each building its manifest draft and
 * payload files from a seeded faker. Clean packages pass their policy; every problematic one is
 * problematic by content (what the rules of RULES.md look for), never by a broken format.
 */
import { md5 } from 'hash-wasm';
import { AGREEMENTS, HANGZHOU_DISTRICTS, NINGBO_DISTRICTS, OPERATORS, RECIPIENTS, SCENARIOS, SOURCES, ZHEJIANG_REGIONS } from './catalogue';
import {
  AGE_BANDS,
  EMPLOYEE_BANDS,
  INDUSTRIES,
  MONTHS_2025,
  SCORE_BANDS,
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
import { address, balancedCombinations, creditCode, diverseValues, maskKeep, maskName, mobile, personName, residentId, seededFaker } from './values';

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

/** Every demo package, in generation order (a revision after the one it revises). */
export const DEMO_PACKAGES: readonly DemoPackageSpec[] = [
  {
    id: 'EC-2026-001001',
    revision: 1,
    kind: 'data-package',
    description: 'Clean CSV data package: enterprise credit bands, legal-rep phones masked 138****5678 (mask:3,4); k-anonymous and l-diverse; no findings.',
    targets: [],
    build: (c) => cleanScores(c.seed, 1),
  },
  {
    id: 'EC-2026-001001',
    revision: 2,
    kind: 'data-package',
    description: 'Revision 2 of EC-2026-001001: previousRevisionDigest names revision 1; 8 employee bands corrected, 6 rows added, report updated.',
    targets: ['revision.changed'],
    build: (c) => cleanScores(c.seed, 2, c.candidateDigest('EC-2026-001001', 1)),
  },
  {
    id: 'EC-2026-001002',
    revision: 1,
    kind: 'data-package',
    description: 'Clear mobile numbers and resident IDs (valid check digits) in columns declared mask:3,4.',
    targets: ['pii.unmasked'],
    build: (c) => clearIdentifiers(c.seed),
  },
  {
    id: 'EC-2026-001003',
    revision: 1,
    kind: 'data-package',
    description: 'Unsalted MD5 of the phone number declared hash-md5 beside the masked phone (10^4 candidates per row); policy requires hmac-sm3.',
    targets: ['reversible.unkeyed-hash', 'reversible.recovered', 'scope.transform-missing'],
    build: (c) => md5Digests(c.seed),
  },
  {
    id: 'EC-2026-001004',
    revision: 1,
    kind: 'data-package',
    description: 'Raw package (rawPackage: true) with clear names, phones and resident IDs at grade 3, transform none.',
    targets: ['export.raw-package', 'pii.unmasked', 'scope.transform-missing'],
    build: (c) => rawPackage(c.seed),
  },
  {
    id: 'EC-2026-001005',
    revision: 1,
    kind: 'data-service',
    description: 'NDJSON data service under the Ningbo agreement that ended 2025-12-31 (expired authorization).',
    targets: ['authz.expired'],
    build: (c) => expiredAgreement(c.seed),
  },
  {
    id: 'EC-2026-001006',
    revision: 1,
    kind: 'data-package',
    description: 'TSV data package under the Yongjia agreement drafted for 4 years (2025-07-01..2029-06-30), over the 3-year cap; cooperative (93…) credit codes.',
    targets: ['authz.period-too-long'],
    build: (c) => overLongAgreement(c.seed),
  },
  {
    id: 'EC-2026-001007',
    revision: 1,
    kind: 'data-package',
    description: 'Unauthorized field: reg_address (enterprise street addresses) is not in the policy authorizedFields.',
    targets: ['scope.unauthorized-field'],
    build: (c) => unauthorizedField(c.seed),
  },
  {
    id: 'EC-2026-001008',
    revision: 1,
    kind: 'data-report',
    description: 'Aggregate report (UTF-8 CSV with BOM): claim counts by district × age band with 6 cells below 10 and 4 zeros.',
    targets: ['sdc.small-cell'],
    build: (c) => smallCells(c.seed),
  },
  {
    id: 'EC-2026-001009',
    revision: 1,
    kind: 'data-report',
    description: 'Magnitude table with revenue_top1/revenue_top2: 6 cells where the top two reach 91–95 % of the total.',
    targets: ['sdc.dominance', 'sdc.p-ratio'],
    build: (c) => dominance(c.seed),
  },
  {
    id: 'EC-2026-001010',
    revision: 1,
    kind: 'data-service',
    description: 'Province backflow source (HZ-YB-0009, backflow: true) without an approvalRef.',
    targets: ['source.backflow-unapproved'],
    build: (c) => backflowUnapproved(c.seed),
  },
  {
    id: 'EC-2026-001011',
    revision: 1,
    kind: 'business-service',
    description: 'Business service using social data (mobile signalling, social: true) without the authority approval.',
    targets: ['source.social-unapproved'],
    build: (c) => socialUnapproved(c.seed),
  },
  {
    id: 'EC-2026-001012',
    revision: 1,
    kind: 'data-interface',
    description: 'OpenAPI 3 JSON spec (role api-spec) whose response exposes legal_rep_home_address, outside the authorized fields.',
    targets: ['scope.api-field'],
    build: (c) => openApiInterface(c.seed),
  },
  {
    id: 'EC-2026-001013',
    revision: 1,
    kind: 'data-model',
    description: 'Data model whose Markdown model card (role model-card) names the model owner with a clear mobile number.',
    targets: ['pii.in-text'],
    build: (c) => modelWithCard(c.seed),
  },
  {
    id: 'EC-2026-001014',
    revision: 1,
    kind: 'data-package',
    description: 'Clean content in a GB18030-encoded CSV without BOM (intake must fall back from UTF-8 and warn).',
    targets: ['intake.encoding-guessed'],
    build: (c) => gb18030Package(c.seed),
  },
  {
    id: 'EC-2026-001015',
    revision: 1,
    kind: 'business-service',
    description: 'Clean business service with supporting docs (Markdown and plain text) and an approved province backflow source.',
    targets: [],
    build: (c) => cleanBusinessService(c.seed),
  },
  {
    id: 'EC-2026-001016',
    revision: 1,
    kind: 'data-package',
    description: 'JSON-array merchant list where half the credit codes are sole traders (92…), declared public.',
    targets: ['pii.undeclared'],
    build: (c) => soleTraders(c.seed),
  },
  {
    id: 'EC-2026-001017',
    revision: 1,
    kind: 'data-service',
    description: 'Clean NDJSON data service: enterprise tax-credit grades for post-loan monitoring (second scenario of its policy).',
    targets: [],
    build: (c) => taxService(c.seed),
  },
  {
    id: 'EC-2026-001018',
    revision: 1,
    kind: 'data-package',
    description:
      'Excel workbook (.xlsx): the declared sheet 企业名录 masks phones (mask:3,4) but hides a row and the phone column; a hidden sheet 联系人 holds names and clear mobiles; the document properties name the author.',
    targets: ['intake.hidden-content', 'pii.undeclared', 'pii.free-text-names'],
    build: (c) => enterpriseWorkbook(c.seed),
  },
];
