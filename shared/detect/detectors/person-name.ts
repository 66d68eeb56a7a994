/**
 * Chinese personal names, by heuristic: a common surname (single or compound such as 欧阳,
 * 司马, 诸葛) and one to three given-name characters, with labels (姓名, 联系人, 法人…) and
 * honorifics (先生, 女士) as context. Confidence is a likelihood, not a validation.
 */
import { type Hit, isCjkCode } from './common';

/**
 * About 330 single-character surnames covering the great majority of the population. Rare
 * surnames that begin everyday words (由, 和, 国, 成, 全, 明, 普, 原, 银…) are left out: they
 * would make 成本, 明天, 普通 or 银行 a name.
 */
const SINGLE_SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻厉伊仝郜阚花权强帅屠豆朴盖练廉禹井祖漆巴丰卿狄晋云扈晁芮阙浦戈伏鹿薄邸雍辜羊裘亓邰赫杭逯诸嵇茅檀昝'
  ).split(''),
);

/** Compound surnames (复姓) seen today. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木',
  '独孤', '南宫', '西门', '呼延', '申屠', '太史', '百里', '东郭', '钟离', '澹台', '公冶', '濮阳', '淳于', '单于', '闻人', '万俟',
  '赫连', '拓跋', '完颜', '乐正', '左丘', '谷梁', '第五', '司空', '巫马', '公羊', '梁丘', '羊舌', '微生', '归海', '段干', '子车',
]);

/**
 * Characters that almost never occur in a given name but often in place names, organisations
 * and ordinary words: a candidate containing one is not a name.
 */
const NON_NAME_CHARS = new Set(
  (
    '省市区县镇乡村路街道号楼室栋幢单元巷弄园苑府公司局院厅部处科组店厂行所站馆校会社团队中心总分有限责任集团股份合作协委员政医银' +
    '的了是在和与及或等为这那个们有无不也就都而但如若被把从向对于以之其此将已未第年月日时分秒元角件台次项条款表格数据信息系统' +
    '男女性别电话手机地址身份证号码姓名联系人先生女士同志老师经理主任书记' +
    '业件额务品价率量类型式期度级书本案费款税资产章节页线网机车标准规范制造销售服务管理技术工程项目'
  ).split(''),
);

/** Labels after which a name follows: 姓名：张三, 联系人 李四, 法定代表人：王五. */
const LABELS = [
  '姓名', '联系人', '法定代表人', '法人代表', '法人', '负责人', '经办人', '申请人', '收件人', '收货人', '户主', '监护人', '患者', '客户',
  '持卡人', '投保人', '被保险人', '借款人', '担保人', '当事人', '代理人', '委托人', '签字人', '填表人', '审核人',
] as const;
const HONORIFICS = ['先生', '女士', '同志', '小姐'] as const;

/** A name after a label (姓名：张三). */
export const LABELLED_NAME_CONFIDENCE = 0.85;
/** A full name before an honorific (张伟先生). */
export const HONORIFIC_NAME_CONFIDENCE = 0.7;
/** Only a surname before an honorific (张先生): identifies little on its own. */
export const SURNAME_HONORIFIC_CONFIDENCE = 0.4;
/** A whole cell of a compound surname and one or two characters (欧阳娜娜). */
export const COMPOUND_NAME_CELL_CONFIDENCE = 0.75;
/** A whole cell of a common surname and one or two characters (张伟, 王小明). */
export const NAME_CELL_CONFIDENCE = 0.6;
/** A whole cell of four characters starting with a single surname: idioms look the same. */
export const FOUR_CHAR_NAME_CELL_CONFIDENCE = 0.3;
/** A transliterated minority name with a middle dot (阿卜杜拉·买买提). */
export const DOTTED_NAME_CELL_CONFIDENCE = 0.6;

/** The surname at the start of `s`: its length (2 for a compound, 1 for a single), or 0. */
export function surnameLength(s: string): number {
  if (s.length >= 2 && COMPOUND_SURNAMES.has(s.slice(0, 2))) return 2;
  return s.length >= 1 && SINGLE_SURNAMES.has(s[0]!) ? 1 : 0;
}

function allNameChars(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    if (!isCjkCode(s.charCodeAt(i)) || NON_NAME_CHARS.has(s[i]!)) return false;
  }
  return true;
}

/**
 * Scores `s` as a full name: a surname and 1–2 given characters (compound) or 1–3 (single),
 * none of them a place, organisation or function-word character. Returns the likelihood or 0.
 */
export function nameLikelihood(s: string): number {
  const n = s.length;
  const surname = surnameLength(s);
  if (surname === 0 || n - surname < 1 || !allNameChars(s, surname)) return 0;
  if (surname === 2) return n <= 4 ? COMPOUND_NAME_CELL_CONFIDENCE : 0;
  if (n <= 3) return NAME_CELL_CONFIDENCE;
  return n === 4 ? FOUR_CHAR_NAME_CELL_CONFIDENCE : 0;
}

/**
 * Scores a whole table cell as a personal name: `张伟`, `欧阳娜娜`, `阿卜杜拉·买买提`, `张先生`,
 * or a labelled `姓名：张三`. Returns null for anything else.
 */
export function checkPersonName(value: string): Hit | null {
  const n = value.length;
  if (n < 2 || n > 20) return null;
  if (n <= 4) {
    const likelihood = nameLikelihood(value);
    if (likelihood > 0) return { detector: 'person-name', confidence: likelihood, personal: true };
  }
  for (const honorific of HONORIFICS) {
    if (n >= 3 && n <= 6 && value.endsWith(honorific)) {
      const core = value.slice(0, n - 2);
      if (surnameLength(core) === core.length) return { detector: 'person-name', confidence: SURNAME_HONORIFIC_CONFIDENCE, personal: true };
      if (nameLikelihood(core) > 0) return { detector: 'person-name', confidence: HONORIFIC_NAME_CONFIDENCE, personal: true };
      return null;
    }
  }
  if (value.includes('·') || value.includes('•')) {
    const parts = value.split(/[·•]/);
    if (parts.length >= 2 && parts.length <= 4 && parts.every((p) => p.length >= 1 && allNameChars(p, 0)) && n <= 16) {
      return { detector: 'person-name', confidence: DOTTED_NAME_CELL_CONFIDENCE, personal: true };
    }
    return null;
  }
  const labelled: Hit[] = [];
  findPersonNames(value, (hit, start, end) => {
    if (start <= 8 && end === n) labelled.push(hit);
  });
  return labelled[0] ?? null;
}

const LABELLED_IN_TEXT = new RegExp(`(?:${LABELS.join('|')})(?:[：:]|是|为)?[ \\t]{0,2}([\\u4e00-\\u9fa5]{2,4})`, 'g');
const HONORIFIC_IN_TEXT = new RegExp(`([\\u4e00-\\u9fa5]{1,4})(?:${HONORIFICS.join('|')})`, 'g');

/**
 * Finds names in (width-folded) free text where context says a name is there: after a label
 * (姓名：张三, 联系人李四) or before an honorific (王小明先生, 张先生). Unlabelled names in running
 * text are not reported: without context any two characters could be one.
 */
export function findPersonNames(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  LABELLED_IN_TEXT.lastIndex = 0;
  for (let m = LABELLED_IN_TEXT.exec(text); m !== null; m = LABELLED_IN_TEXT.exec(text)) {
    const group = m[1]!;
    const start = m.index + m[0].length - group.length;
    const name = longestName(group);
    if (name > 0) report({ detector: 'person-name', confidence: LABELLED_NAME_CONFIDENCE, personal: true }, start, start + name);
  }
  HONORIFIC_IN_TEXT.lastIndex = 0;
  for (let m = HONORIFIC_IN_TEXT.exec(text); m !== null; m = HONORIFIC_IN_TEXT.exec(text)) {
    const group = m[1]!;
    const groupStart = m.index;
    const groupEnd = groupStart + group.length;
    // Pick the name ending just before the honorific, in this order: a compound surname; surname
    // + two characters at the start of a run of Chinese text; surname + one; surname + two
    // anywhere (感谢张伟先生 → 张伟, 王小明先生 → 王小明, 请王小明先生 → 王小明); else the surname alone.
    let best = -1;
    let confidence = HONORIFIC_NAME_CONFIDENCE;
    let rank = 99;
    for (let len = Math.min(4, group.length); len >= 2; len--) {
      const start = groupEnd - len;
      const candidate = group.slice(group.length - len);
      if (nameLikelihood(candidate) < NAME_CELL_CONFIDENCE) continue;
      const runStart = start === 0 || !isCjkCode(text.charCodeAt(start - 1));
      const r = surnameLength(candidate) === 2 ? 0 : len === 3 && runStart ? 1 : len === 2 ? 2 : 3;
      if (r < rank) {
        rank = r;
        best = start;
      }
    }
    if (best === -1 && surnameLength(text.slice(groupEnd - 1, groupEnd)) === 1) {
      best = groupEnd - 1;
      confidence = SURNAME_HONORIFIC_CONFIDENCE;
    }
    if (best !== -1) report({ detector: 'person-name', confidence, personal: true }, best, groupEnd);
  }
}

/** The length of the longest name (2–4 characters) at the start of `s`, or 0. */
function longestName(s: string): number {
  for (let len = Math.min(4, s.length); len >= 2; len--) {
    if (nameLikelihood(s.slice(0, len)) >= NAME_CELL_CONFIDENCE) return len;
  }
  return 0;
}
