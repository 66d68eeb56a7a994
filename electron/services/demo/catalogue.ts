/**
 * The fixed cast of the demo workspace: operators, recipients, source datasets, regions and the
 * authorization agreements with their export policies. Independent of the seed, so policies and
 * parties stay stable while the generated rows vary.
 */
import type { Candidate } from '../../../shared/formats/candidate';
import type { PolicyInput } from '../../../shared/formats/policy';
import { makeUscc } from '../../../shared/ids/uscc';

export type Party = { name: string; creditCode: string; contact: string };
export type Source = Candidate['sources'][number];

const enterprise = (region: string, orgBody: string) => makeUscc({ registrationDept: '9', orgType: '1', region, orgCode: orgBody });

/** Operators (授权运营单位); every name is marked 示例 so nobody mistakes it for a real company. */
export const OPERATORS = {
  shuzhi: { name: '浙江数智信用科技有限公司（示例）', creditCode: enterprise('330106', 'MA2H3XK1'), contact: '数据安全负责人 王工' },
  citydata: { name: '杭州城市数据运营有限公司（示例）', creditCode: enterprise('330102', 'MA2KJ7C4'), contact: '合规专员 陈工' },
  zhijiang: { name: '之江数据服务有限公司（示例）', creditCode: enterprise('330108', 'MA27WQ8D'), contact: '产品经理 李工' },
  ganghang: { name: '宁波港航数据科技有限公司（示例）', creditCode: enterprise('330212', 'MA2GUB35'), contact: '数据安全负责人 周工' },
  ouyue: { name: '温州瓯越数字科技有限公司（示例）', creditCode: enterprise('330302', 'MA2L0N6R'), contact: '项目负责人 徐工' },
} as const satisfies Record<string, Party>;

/** Recipients (数据产品接收方) named in scenarios. */
export const RECIPIENTS = {
  bank: { name: '杭州联合数字银行股份有限公司（示例）', creditCode: enterprise('330100', '14307721') },
  lender: { name: '浙江普惠小额贷款股份有限公司（示例）', creditCode: enterprise('330000', 'MA28F5PL') },
  portFinance: { name: '宁波港航供应链金融有限公司（示例）', creditCode: enterprise('330206', 'MA2CQ4WK') },
  ruralCredit: { name: '永嘉县农村信用合作联社（示例）', creditCode: enterprise('330324', '14555032') },
  insurer: { name: '中安健康保险股份有限公司浙江分公司（示例）', creditCode: enterprise('330100', 'MA2B8TY6') },
  tourism: { name: '杭州西湖文化旅游发展有限公司（示例）', creditCode: enterprise('330106', 'MA2J9RT3') },
  planning: {
    name: '杭州市城市规划设计研究院（示例）',
    // A public institution (事业单位): registration department 1, organisation type 2.
    creditCode: makeUscc({ registrationDept: '1', orgType: '2', region: '330100', orgCode: '47006151' }),
  },
} as const satisfies Record<string, Omit<Party, 'contact'>>;

/** Hangzhou districts with their region codes. */
export const HANGZHOU_DISTRICTS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['330102', '杭州市上城区'],
  ['330105', '杭州市拱墅区'],
  ['330106', '杭州市西湖区'],
  ['330108', '杭州市滨江区'],
  ['330109', '杭州市萧山区'],
  ['330110', '杭州市余杭区'],
  ['330111', '杭州市富阳区'],
  ['330112', '杭州市临安区'],
  ['330113', '杭州市临平区'],
  ['330114', '杭州市钱塘区'],
];

export const NINGBO_DISTRICTS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['330203', '宁波市海曙区'],
  ['330205', '宁波市江北区'],
  ['330206', '宁波市北仑区'],
  ['330211', '宁波市镇海区'],
  ['330212', '宁波市鄞州区'],
];

export const ZHEJIANG_REGIONS = ['330102', '330105', '330106', '330108', '330110', '330203', '330212', '330302', '330324', '330402', '330502', '330602', '330702'];

const SOURCE_SCJG: Source = { datasetId: 'ZJ-SCJG-0012', name: '企业登记信息', provider: '浙江省市场监督管理局', level: 'province', backflow: false, social: false, approvalRef: null };
const SOURCE_SWJ: Source = { datasetId: 'ZJ-SWJ-0031', name: '纳税信用评价结果', provider: '国家税务总局浙江省税务局', level: 'province', backflow: false, social: false, approvalRef: null };

/** Province medical-insurance settlements flowing back to Hangzhou (省回流); the accepted approval is ZJ-HL-2025-0042. */
export const BACKFLOW_APPROVAL = 'ZJ-HL-2025-0042';

/** The Hangzhou authority's approval of mobile signalling statistics (社会数据). */
export const SOCIAL_APPROVAL = 'HZ-SH-2025-0107';

export const SOURCES = {
  enterprises: SOURCE_SCJG,
  tax: SOURCE_SWJ,
  settlementsApproved: { datasetId: 'HZ-YB-0009', name: '医保结算数据（省回流）', provider: '浙江省医疗保障局', level: 'province', backflow: true, social: false, approvalRef: BACKFLOW_APPROVAL },
  settlementsUnapproved: { datasetId: 'HZ-YB-0009', name: '医保结算数据（省回流）', provider: '浙江省医疗保障局', level: 'province', backflow: true, social: false, approvalRef: null },
  transit: { datasetId: 'HZ-JT-0021', name: '公交地铁刷卡客流', provider: '杭州市交通运输局', level: 'city', backflow: false, social: false, approvalRef: null },
  signalling: { datasetId: 'SOC-YYS-0001', name: '手机信令出行统计（社会数据）', provider: '某电信运营商浙江分公司（示例）', level: 'city', backflow: false, social: true, approvalRef: null },
  signallingApproved: { datasetId: 'SOC-YYS-0001', name: '手机信令出行统计（社会数据）', provider: '某电信运营商浙江分公司（示例）', level: 'city', backflow: false, social: true, approvalRef: SOCIAL_APPROVAL },
  port: { datasetId: 'NB-GH-0004', name: '港航企业经营信息', provider: '宁波市港航管理中心', level: 'city', backflow: false, social: false, approvalRef: null },
  agriculture: { datasetId: 'WZ-NY-0002', name: '农业经营主体名录', provider: '永嘉县农业农村局', level: 'county', backflow: false, social: false, approvalRef: null },
} as const satisfies Record<string, Source>;

export type Scenario = { id: string; name: string; purpose: string };

export const SCENARIOS = {
  credit: { id: 'SC-FIN-CREDIT', name: '普惠金融信用评估', purpose: '为小微企业授信提供信用评分参考' },
  risk: { id: 'SC-FIN-RISK', name: '小微企业贷后风险监测', purpose: '贷后阶段按月复核企业纳税信用变化' },
  claim: { id: 'SC-HEALTH-CLAIM', name: '商业健康保险快速理赔', purpose: '以区县、年龄段汇总数据测算理赔服务资源' },
  commute: { id: 'SC-TRAFFIC-COMMUTE', name: '城市通勤出行规划', purpose: '分析区县之间通勤流量，支撑公交线网优化' },
  port: { id: 'SC-PORT-LOGISTICS', name: '港航物流供应链金融', purpose: '评估港航企业经营规模，支撑供应链融资' },
  agriculture: { id: 'SC-AGRI-LOAN', name: '农业经营主体信贷', purpose: '为家庭农场和农民专业合作社授信提供参考' },
  /** In no policy: the Hangzhou agreement approves claims and commuting, not tourism. */
  tourism: { id: 'SC-TOURISM-FLOW', name: '景区客流监测与文旅营销', purpose: '分析景区周边区县客流来源，支撑文旅营销投放' },
} as const satisfies Record<string, Scenario>;

/** What a candidate's `authorization` block says about its agreement. */
export type AgreementTerms = {
  agreementId: string;
  level: 'province' | 'city' | 'county';
  region: string;
  validFrom: string;
  validTo: string;
};

export type Agreement = AgreementTerms & { policy: PolicyInput };

type FieldRule = [dataset: string, name: string, maxGrade: number, requiredTransform: string[]];

const ENTERPRISE_FIELDS: FieldRule[] = [
  ['ZJ-SCJG-0012', 'credit_code', 2, ['none']],
  ['ZJ-SCJG-0012', 'enterprise_name', 1, ['none']],
  ['ZJ-SCJG-0012', 'district', 2, ['none', 'generalize:region-city']],
  ['ZJ-SCJG-0012', 'industry', 1, ['none']],
  ['ZJ-SCJG-0012', 'employees_band', 1, ['none']],
  ['ZJ-SCJG-0012', 'score_band', 2, ['none']],
  ['ZJ-SCJG-0012', 'legal_rep_name', 3, ['mask-name']],
  ['ZJ-SCJG-0012', 'legal_rep_phone', 3, ['mask:3,4', 'hmac-sm3']],
  ['ZJ-SCJG-0012', 'legal_rep_id', 3, ['mask:3,4', 'hmac-sm3']],
  ['ZJ-SCJG-0012', 'phone_digest', 3, ['hmac-sm3']],
  ['ZJ-SCJG-0012', 'enterprise_count', 1, ['aggregate']],
  ['ZJ-SCJG-0012', 'revenue_total', 2, ['aggregate']],
  ['ZJ-SCJG-0012', 'revenue_top1', 2, ['aggregate']],
  ['ZJ-SCJG-0012', 'revenue_top2', 2, ['aggregate']],
];

const TAX_FIELDS: FieldRule[] = [
  ['ZJ-SWJ-0031', 'credit_code', 2, ['none']],
  ['ZJ-SWJ-0031', 'tax_credit_grade', 2, ['none']],
  ['ZJ-SWJ-0031', 'tax_year', 1, ['none']],
];

const HANGZHOU_FIELDS: FieldRule[] = [
  ['HZ-YB-0009', 'district', 1, ['none']],
  ['HZ-YB-0009', 'age_band', 2, ['generalize:age-band']],
  ['HZ-YB-0009', 'month', 1, ['none']],
  ['HZ-YB-0009', 'claim_count', 2, ['aggregate']],
  ['HZ-YB-0009', 'claim_amount_total', 2, ['aggregate']],
  ['HZ-YB-0009', 'insured_count', 2, ['aggregate']],
  ['HZ-YB-0009', 'avg_settle_amount', 2, ['aggregate']],
  ['SOC-YYS-0001', 'origin_district', 1, ['none']],
  ['SOC-YYS-0001', 'dest_district', 1, ['none']],
  ['SOC-YYS-0001', 'trip_count', 2, ['aggregate']],
  ['HZ-JT-0021', 'transit_trip_count', 1, ['aggregate']],
];

const PORT_FIELDS: FieldRule[] = [
  ['NB-GH-0004', 'credit_code', 1, ['none']],
  ['NB-GH-0004', 'district', 1, ['none']],
  ['NB-GH-0004', 'segment', 1, ['none']],
  ['NB-GH-0004', 'teu_band', 2, ['none']],
  ['NB-GH-0004', 'month', 1, ['none']],
];

const AGRICULTURE_FIELDS: FieldRule[] = [
  ['WZ-NY-0002', 'credit_code', 2, ['none']],
  ['WZ-NY-0002', 'town', 1, ['none']],
  ['WZ-NY-0002', 'crop_category', 1, ['none']],
  ['WZ-NY-0002', 'area_band', 1, ['none']],
  ['WZ-NY-0002', 'credit_band', 2, ['none']],
];

type PolicyParts = {
  id: string;
  version: number;
  agreementId: string;
  issuedBy: string;
  issuedAt: string;
  validFrom: string;
  validTo: string;
  scenarios: Array<{ scenario: Scenario; recipients: string[] }>;
  fields: FieldRule[];
  approvedBackflow?: string[];
  approvedSocial?: string[];
};

/** A policy in the key order of FORMATS.md §2, thresholds written out at their RULES.md defaults. */
function policy(parts: PolicyParts): PolicyInput {
  return {
    format: 'export-policy',
    formatVersion: 1,
    id: parts.id,
    version: parts.version,
    agreementId: parts.agreementId,
    issuedBy: parts.issuedBy,
    issuedAt: parts.issuedAt,
    authorization: { validFrom: parts.validFrom, validTo: parts.validTo },
    maxAuthorizationYears: 3,
    scenarios: parts.scenarios.map(({ scenario, recipients }) => ({ id: scenario.id, name: scenario.name, recipients })),
    authorizedFields: parts.fields.map(([dataset, name, maxGrade, requiredTransform]) => ({ dataset, name, maxGrade, requiredTransform })),
    approvedSources: { backflow: parts.approvedBackflow ?? [], social: parts.approvedSocial ?? [] },
    thresholds: { minCellCount: 10, zerosDisclosive: true, dominance: { n: 2, k: 0.9 }, pRatio: 0.1, kAnonymity: 5, lDiversity: 2 },
    review: { secondReviewerFromGrade: 3, sealRequiredFor: ['approve', 'approve-with-conditions'] },
    reveal: { roles: ['reviewer', 'second-reviewer'], maxCellsPerReason: 50 },
  };
}

function agreement(level: Agreement['level'], region: string, parts: PolicyParts): Agreement {
  return { agreementId: parts.agreementId, level, region, validFrom: parts.validFrom, validTo: parts.validTo, policy: policy(parts) };
}

export const AGREEMENTS = {
  /** Province agreement of 浙江数智信用科技: credit scoring for inclusive finance. */
  creditProvince: agreement('province', '330000', {
    id: 'POL-ZJ-SQYY-2025-007',
    version: 3,
    agreementId: 'ZJ-SQYY-2025-007',
    issuedBy: '浙江省公共数据主管部门（示例）',
    issuedAt: '2025-01-02T10:00:00+08:00',
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    scenarios: [{ scenario: SCENARIOS.credit, recipients: [RECIPIENTS.bank.creditCode, RECIPIENTS.lender.creditCode] }],
    fields: ENTERPRISE_FIELDS,
  }),
  /** Province agreement of 之江数据服务: credit scoring and post-loan monitoring. */
  riskProvince: agreement('province', '330000', {
    id: 'POL-ZJ-SQYY-2025-012',
    version: 2,
    agreementId: 'ZJ-SQYY-2025-012',
    issuedBy: '浙江省公共数据主管部门（示例）',
    issuedAt: '2025-04-08T15:30:00+08:00',
    validFrom: '2025-04-01',
    validTo: '2028-03-31',
    scenarios: [
      { scenario: SCENARIOS.credit, recipients: [RECIPIENTS.bank.creditCode, RECIPIENTS.lender.creditCode] },
      { scenario: SCENARIOS.risk, recipients: [RECIPIENTS.lender.creditCode] },
    ],
    fields: [...ENTERPRISE_FIELDS, ...TAX_FIELDS],
  }),
  /** Hangzhou agreement of 杭州城市数据运营: health-insurance claims and commuting. */
  hangzhou: agreement('city', '330100', {
    id: 'POL-HZ-SQYY-2025-003',
    version: 1,
    agreementId: 'HZ-SQYY-2025-003',
    issuedBy: '杭州市公共数据主管部门（示例）',
    issuedAt: '2025-03-03T09:00:00+08:00',
    validFrom: '2025-03-01',
    validTo: '2028-02-28',
    scenarios: [
      { scenario: SCENARIOS.claim, recipients: [RECIPIENTS.insurer.creditCode] },
      { scenario: SCENARIOS.commute, recipients: [RECIPIENTS.planning.creditCode] },
    ],
    fields: HANGZHOU_FIELDS,
    approvedBackflow: [BACKFLOW_APPROVAL],
    approvedSocial: [SOCIAL_APPROVAL],
  }),
  /** Ningbo agreement of 宁波港航数据科技, which ended on 2025-12-31. */
  ningboExpired: agreement('city', '330200', {
    id: 'POL-NB-SQYY-2023-011',
    version: 2,
    agreementId: 'NB-SQYY-2023-011',
    issuedBy: '宁波市公共数据主管部门（示例）',
    issuedAt: '2023-01-05T10:30:00+08:00',
    validFrom: '2023-01-01',
    validTo: '2025-12-31',
    scenarios: [{ scenario: SCENARIOS.port, recipients: [RECIPIENTS.portFinance.creditCode] }],
    fields: PORT_FIELDS,
  }),
  /** Yongjia county agreement of 温州瓯越数字科技, drafted for four years (over the three-year cap). */
  yongjiaOverLong: agreement('county', '330324', {
    id: 'POL-WZ-SQYY-2025-004',
    version: 1,
    agreementId: 'WZ-SQYY-2025-004',
    issuedBy: '永嘉县公共数据主管部门（示例）',
    issuedAt: '2025-06-20T14:00:00+08:00',
    validFrom: '2025-07-01',
    validTo: '2029-06-30',
    scenarios: [{ scenario: SCENARIOS.agriculture, recipients: [RECIPIENTS.ruralCredit.creditCode] }],
    fields: AGRICULTURE_FIELDS,
  }),
} as const satisfies Record<string, Agreement>;

/**
 * Agreements signed but without an issued export policy: a candidate citing one is reviewed
 * against the policy of the agreement it still operates under (`authz.agreement-mismatch`).
 */
export const UNISSUED_AGREEMENTS = {
  /** 之江数据服务's follow-up province agreement, signed in 2026; its policy has not been issued. */
  riskProvince2026: { agreementId: 'ZJ-SQYY-2026-003', level: 'province', region: '330000', validFrom: '2026-07-01', validTo: '2029-06-30' },
} as const satisfies Record<string, AgreementTerms>;
