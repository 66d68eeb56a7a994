/**
 * The content and layout of the 出域审核意见书: title, addressee, the numbered sections
 * (审核对象, 审核结论, 审核意见, 检查结果, 审核人员, 存证信息), and the authority's signature
 * block with the date, which the seal is pressed over (GB/T 9704 style: date four characters
 * from the right, the authority centred over it, both a little below the seal's centre).
 */
import { drawSeal, type SealFonts } from './draw-seal';
import { OUTCOME_ZH, type OpinionDocumentInput, type OpinionReviewer } from './opinion-input';
import { MM, PAGE, type PageFlow, type TableRow, type TextStyle } from './page-flow';
import { paragraphs } from './wrap-text';

const BODY: TextStyle = { font: 'regular', size: 12, lineHeight: 22, firstIndent: 24 };
const HEADING: TextStyle = { font: 'bold', size: 12, lineHeight: 24, firstIndent: 24 };
const TABLE = { labelWidth: 84, size: 10.5, lineHeight: 16, padding: 5 };
/** Digests and key ids: small enough that `sm3:` and 64 hex digits fit on one line of a cell. */
const DIGEST = 8.5;

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]!}十${ones === 0 ? '' : CN_DIGITS[ones]!}`;
}

/** 2026-11-27 → 2026年11月27日. */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${String(year)}年${String(month)}月${String(day)}日`;
}

/** Lays the document out on `flow`; `sealFonts` draw the seal's characters when there is a seal. */
export function layOutOpinion(flow: PageFlow, input: OpinionDocumentInput, sealFonts: SealFonts | null): void {
  header(flow, input);
  let section = 0;
  const heading = (title: string) => {
    section += 1;
    flow.ensure(HEADING.lineHeight + TABLE.lineHeight + 2 * TABLE.padding); // no heading alone at a page's foot
    flow.space(4);
    flow.paragraph(`${chineseNumber(section)}、${title}`, HEADING);
  };

  heading('审核对象');
  flow.table(subjectRows(input), TABLE);

  heading('审核结论');
  flow.paragraph(`经审核，结论为：${OUTCOME_ZH[input.outcome]}。`, { ...BODY, font: 'bold' });
  if (input.conditions.length > 0) {
    flow.paragraph('出域须同时满足以下条件：', BODY);
    input.conditions.forEach((condition, i) => flow.paragraph(`（${chineseNumber(i + 1)}）${condition}`, BODY));
  }

  heading('审核意见');
  const comment = paragraphs(input.comment).filter((p) => p.trim() !== '');
  if (comment.length === 0) flow.paragraph('无。', BODY);
  for (const p of comment) flow.paragraph(p.trim(), BODY);

  heading('检查结果');
  const { block, warn, info, acknowledged } = input.findings;
  flow.paragraph(`工作站按出域策略重新检查，发现阻断项 ${block} 项、警告 ${warn} 项、提示 ${info} 项。`, BODY);
  if (acknowledged.length === 0) {
    flow.paragraph(warn === 0 ? '无需确认的警告。' : '审核人未对警告作确认说明。', BODY);
  } else {
    flow.paragraph('审核人已确认以下警告并说明理由：', BODY);
    acknowledged.forEach((a, i) => flow.paragraph(`${i + 1}. ${a.rule}：${a.justification}`, BODY));
  }

  heading('审核人员');
  flow.table(reviewerRows(input), TABLE);

  heading('存证信息');
  flow.table(
    [
      { label: '决定记录摘要', value: [{ text: input.decisionDigest, size: DIGEST }] },
      { label: '候选摘要', value: [{ text: input.candidate.digest, size: DIGEST }] },
      { label: '策略摘要', value: [{ text: input.policy.digest, size: DIGEST }] },
    ],
    TABLE,
  );
  flow.space(4);
  flow.paragraph('本意见书以上述摘要锁定所审内容；用印记录的签名覆盖本文件的 SM3 摘要，可离线核验。', {
    font: 'regular',
    size: 9,
    lineHeight: 16,
  });

  signatureBlock(flow, input, sealFonts);
}

function header(flow: PageFlow, input: OpinionDocumentInput): void {
  flow.space(6);
  flow.paragraph(input.title, { font: 'bold', size: 22, lineHeight: 36, align: 'center' });
  if (input.documentNumber) flow.paragraph(input.documentNumber, { font: 'regular', size: 12, lineHeight: 22, align: 'center' });
  flow.space(14);
  flow.paragraph(`${input.operator.name}：`, { ...BODY, firstIndent: 0 });
  flow.paragraph(
    `你单位提交的数据产品“${input.productName}”出域申请（候选编号 ${input.candidate.id}，第 ${input.candidate.revision} 版）已收悉。` +
      `经对照授权运营协议及出域策略 ${input.policy.id}（第 ${input.policy.version} 版）审核，意见如下：`,
    BODY,
  );
}

function subjectRows(input: OpinionDocumentInput): TableRow[] {
  return [
    { label: '产品名称', value: [{ text: input.productName }] },
    { label: '候选编号', value: [{ text: `${input.candidate.id}（第 ${input.candidate.revision} 版）` }] },
    { label: '授权运营单位', value: [{ text: input.operator.name }, { text: `统一社会信用代码：${input.operator.creditCode}` }] },
    { label: '应用场景', value: [{ text: `${input.scenario.name}（${input.scenario.id}）` }] },
    { label: '数据接收方', value: [{ text: input.recipient.name }, { text: `统一社会信用代码：${input.recipient.creditCode}` }] },
    { label: '出域策略', value: [{ text: `${input.policy.id}（第 ${input.policy.version} 版）` }] },
  ];
}

function reviewerRows(input: OpinionDocumentInput): TableRow[] {
  const row = (label: string, r: OpinionReviewer): TableRow => ({
    label,
    value: [
      { text: `${r.name}（${r.id}）` },
      { text: `签名密钥：${r.keyId}`, size: DIGEST },
      { text: `决定记录：${r.decisionRecordId}`, size: DIGEST },
      { text: `签署时间：${r.signedAt}`, size: DIGEST },
    ],
  });
  const rows = [row('审核人', input.reviewers.first)];
  if (input.reviewers.second) rows.push(row('复核人', input.reviewers.second));
  return rows;
}

/** The seal's radius in points when there is none to draw, so both documents lay out alike. */
const DEFAULT_SEAL_RADIUS = 21 * MM;

/**
 * The authority and the date at the bottom right, with the seal drawn first so the black
 * lines stay legible through it (ink under text, as on paper). If the block does not fit, it
 * goes to a new page headed （此页无正文）.
 */
function signatureBlock(flow: PageFlow, input: OpinionDocumentInput, sealFonts: SealFonts | null): void {
  const size = 12;
  const lineHeight = 22;
  const radius = input.seal ? (input.seal.diameterMm / 2) * MM : DEFAULT_SEAL_RADIUS;
  // A blank line, a small gap, then the seal, which reaches lower than the date line.
  const gap = 8;
  if (flow.ensure(12 + gap + 2 * radius)) flow.paragraph('（此页无正文）', { ...BODY, firstIndent: 0 });
  flow.space(12);

  const measure = flow.measure('regular', size);
  const date = chineseDate(input.issuedDate);
  const right = PAGE.left + PAGE.contentWidth - 4 * size; // 成文日期右空四字
  const dateCentre = right - measure(date) / 2;
  const authorityWidth = measure(input.authorityName);
  const centreX = Math.min(dateCentre, PAGE.left + PAGE.contentWidth - authorityWidth / 2);
  const centreY = flow.y - gap - radius;
  // The two lines sit just below the seal's centre (居印章中心偏下).
  const authorityTop = centreY + 4;
  const dateTop = authorityTop - lineHeight;

  if (input.seal && sealFonts) drawSeal(flow.page, input.seal, centreX, centreY, sealFonts);
  const style = { font: 'regular' as const, size, lineHeight };
  flow.drawLine(input.authorityName, centreX - authorityWidth / 2, authorityTop, style);
  flow.drawLine(date, dateCentre - measure(date) / 2, dateTop, style);
  flow.y = Math.min(dateTop - lineHeight, centreY - radius);
}
