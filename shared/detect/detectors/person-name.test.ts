/**
 * Tests of the personal-name heuristic: name cells with single and compound surnames, minority
 * names, honorifics, labelled names in text, and words that merely start with a surname.
 */
import { describe, expect, it } from 'vitest';
import type { Hit } from './common';
import {
  COMPOUND_NAME_CELL_CONFIDENCE,
  DOTTED_NAME_CELL_CONFIDENCE,
  HONORIFIC_NAME_CONFIDENCE,
  LABELLED_NAME_CONFIDENCE,
  NAME_CELL_CONFIDENCE,
  SURNAME_HONORIFIC_CONFIDENCE,
  checkPersonName,
  findPersonNames,
  surnameLength,
} from './person-name';

function scan(text: string): { text: string; hit: Hit }[] {
  const found: { text: string; hit: Hit }[] = [];
  findPersonNames(text, (hit, start, end) => found.push({ text: text.slice(start, end), hit }));
  return found;
}

describe('surnameLength', () => {
  it('knows single and compound surnames', () => {
    expect(surnameLength('张伟')).toBe(1);
    expect(surnameLength('欧阳娜娜')).toBe(2);
    expect(surnameLength('诸葛亮')).toBe(2);
    expect(surnameLength('司马光')).toBe(2);
    expect(surnameLength('你好')).toBe(0);
  });
});

describe('checkPersonName', () => {
  it('scores name cells as likelihoods', () => {
    expect(checkPersonName('张伟')).toEqual({ detector: 'person-name', confidence: NAME_CELL_CONFIDENCE, personal: true });
    expect(checkPersonName('王小明')?.confidence).toBe(NAME_CELL_CONFIDENCE);
    expect(checkPersonName('欧阳娜娜')?.confidence).toBe(COMPOUND_NAME_CELL_CONFIDENCE);
    expect(checkPersonName('诸葛亮')?.confidence).toBe(COMPOUND_NAME_CELL_CONFIDENCE);
    expect(checkPersonName('阿卜杜拉·买买提')?.confidence).toBe(DOTTED_NAME_CELL_CONFIDENCE);
    expect(checkPersonName('张先生')?.confidence).toBe(SURNAME_HONORIFIC_CONFIDENCE);
    expect(checkPersonName('李娜女士')?.confidence).toBe(HONORIFIC_NAME_CONFIDENCE);
    expect(checkPersonName('姓名：张三')?.confidence).toBe(LABELLED_NAME_CONFIDENCE);
  });

  it('rejects places, organisations, categories and words', () => {
    for (const value of ['杭州市', '西湖区', '有限公司', '金融业', '高', '中', '你好', '王府井大街', '张江高科技园区', '汽车制造业', '是否', '男', '一般', '成本', '明天', '服务']) {
      const hit = checkPersonName(value);
      if (hit) expect(hit.confidence, value).toBeLessThan(0.5);
    }
    expect(checkPersonName('杭州市')).toBeNull();
    expect(checkPersonName('有限公司')).toBeNull();
    expect(checkPersonName('张伟1')).toBeNull();
    expect(checkPersonName('这是一个很长的句子而不是姓名啊')).toBeNull();
  });

  it('cannot tell a word that is shaped like a name (the limit of a cell-level heuristic)', () => {
    // 黄金周 is a holiday and a possible name: the profiler decides from the whole column.
    expect(checkPersonName('黄金周')?.confidence).toBe(NAME_CELL_CONFIDENCE);
  });
});

describe('findPersonNames', () => {
  it('finds labelled names and stops before the next field', () => {
    expect(scan('联系人：张伟，电话13812345678')).toEqual([{ text: '张伟', hit: { detector: 'person-name', confidence: LABELLED_NAME_CONFIDENCE, personal: true } }]);
    expect(scan('法定代表人王小明身份证号').map((f) => f.text)).toEqual(['王小明']);
    expect(scan('姓名: 欧阳娜娜').map((f) => f.text)).toEqual(['欧阳娜娜']);
  });

  it('finds names before honorifics', () => {
    expect(scan('感谢张伟先生的支持').map((f) => f.text)).toEqual(['张伟']);
    expect(scan('王小明先生').map((f) => f.text)).toEqual(['王小明']);
    expect(scan('请王小明女士到场').map((f) => f.text)).toEqual(['王小明']);
    expect(scan('欧阳娜娜女士').map((f) => f.text)).toEqual(['欧阳娜娜']);
    expect(scan('由张先生负责')).toEqual([{ text: '张', hit: { detector: 'person-name', confidence: SURNAME_HONORIFIC_CONFIDENCE, personal: true } }]);
  });

  it('does not report names without context', () => {
    expect(scan('张伟和王小明参加了会议')).toEqual([]);
    expect(scan('客户服务中心')).toEqual([]);
  });
});
