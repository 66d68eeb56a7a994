/**
 * A complete 意见书 input for tests and for looking at the document: the demo authority, a
 * grade-3 candidate approved with conditions by two reviewers, sealed with the demo seal.
 */
import { sealGeometry } from '../../../shared/seal/seal-picture';
import type { OpinionDocumentInput } from './opinion-input';

export const DEMO_SEAL_NAME = '浙江省公共数据授权运营合同专用章（样例）';

export function sampleOpinionInput(overrides: Partial<OpinionDocumentInput> = {}): OpinionDocumentInput {
  return {
    title: '出域审核意见书',
    documentNumber: '浙数审〔2026〕17号',
    candidate: { id: 'CAND-2026-0042', revision: 2, digest: 'sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' },
    productName: '小微企业信用画像数据包（季度）',
    operator: { name: '浙江数智信用科技有限公司（样例）', creditCode: '91330106MA2XXXXXX1' },
    scenario: { id: 'SC-FIN-CREDIT', name: '普惠金融信用评估' },
    recipient: { name: '杭州联合农村商业银行股份有限公司（样例）', creditCode: '91330100MA2YYYYYY2' },
    outcome: 'approve-with-conditions',
    conditions: [
      '数据接收方仅可将本数据产品用于普惠金融信用评估场景，不得直接或变相用于未经批准的其他场景。',
      '法定代表人手机号码字段须保持 mask:3,4 脱敏形式，不得与其他数据关联还原。',
      '数据接收方应在交付后 30 日内提交使用情况报告。',
    ],
    comment:
      '经复核，该数据产品的字段范围与授权运营协议约定一致，敏感字段均已按出域策略完成脱敏处理，小单元格计数满足最小计数阈值要求。' +
      '审核中发现的两项警告经核实为统计口径说明不完整及样本期间标注缺失，不影响出域安全，已由审核人确认并说明理由。',
    findings: {
      block: 0,
      warn: 2,
      info: 1,
      acknowledged: [
        { rule: 'sdc.dominance', justification: '该单元格为全省汇总值，单一主体占比经核实低于阈值，属统计口径说明不完整。' },
        { rule: 'manifest.period', justification: '样本期间已在数据字典中补充标注。' },
      ],
    },
    reviewers: {
      first: {
        name: '张明',
        id: 'U-REV-001',
        keyId: 'sm2:3f9a1c0d5e7b2a64',
        decisionRecordId: '01JD8Z3K5Q7W2X9Y4V6T1R0P8N',
        signedAt: '2026-11-26T15:42:10+08:00',
      },
      second: {
        name: '李华',
        id: 'U-REV-007',
        keyId: 'sm2:a1b2c3d4e5f60718',
        decisionRecordId: '01JD9A7M2N4P6Q8R0S2T4V6W8X',
        signedAt: '2026-11-27T09:15:03+08:00',
      },
    },
    policy: { id: 'POL-ZJ-SQYY-2025-007', version: 3, digest: 'sm3:1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b' },
    decisionDigest: 'sm3:debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    issuedDate: '2026-11-27',
    authorityName: '浙江省数据局（样例）',
    seal: sealGeometry({ name: DEMO_SEAL_NAME, code: '3300000000001' }),
    ...overrides,
  };
}
