// Every clause a rule cites has its text in both languages, and every rule has a name in both.
// (The Chinese texts were checked word for word against the seed text of the measures, which
// lives outside this repository.)
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../../shared/rules/catalogue';
import { en } from '../../app/i18n/en';
import { zhCN } from '../../app/i18n/zh-CN';
import { CITED_CLAUSES, clauseKey } from './clauses';

function at(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('clauseKey', () => {
  it('turns §chapter(item) into an i18n key', () => {
    expect(clauseKey('§5(3)')).toBe('5-3');
    expect(clauseKey('§12(10)')).toBe('12-10');
    expect(clauseKey('5(3)')).toBeNull();
    expect(clauseKey('§5')).toBeNull();
  });
});

describe('clause texts', () => {
  it('cover every clause RULES.md cites, §1(1) included', () => {
    expect(CITED_CLAUSES).toEqual(['§1(1)', '§3(3)', '§4(4)', '§5(2)', '§5(3)', '§5(4)', '§5(5)', '§6(1)']);
    for (const clause of CITED_CLAUSES) {
      const key = clauseKey(clause)!;
      for (const [name, messages] of [['zh-CN', zhCN], ['en', en]] as const) {
        expect(at(messages, `clauses.${key}.heading`), `${name} ${clause} heading`).toEqual(expect.any(String));
        expect(String(at(messages, `clauses.${key}.text`)).length, `${name} ${clause} text`).toBeGreaterThan(40);
      }
    }
  });

  it('put each Chinese text under its own clause', () => {
    const phrases: Record<string, string> = {
      '§1(1)': '原始数据不出域、数据可用不可见',
      '§3(3)': '坚持最小必要的原则',
      '§4(4)': '一般不超过３年',
      '§5(2)': '因数据汇聚、关联分析等原因发现数据间隐含关系与规律',
      '§5(3)': '应经过脱敏、脱密处理',
      '§5(4)': '社会数据导入授权运营域',
      '§5(5)': '原始数据包不得导出授权运营域',
      '§6(1)': '确保数据来源可溯、去向可查',
    };
    for (const clause of CITED_CLAUSES) expect(String(at(zhCN, `clauses.${clauseKey(clause)!}.text`)), clause).toContain(phrases[clause]);
  });
});

describe('rule names', () => {
  it('name every rule of the catalogue in both languages', () => {
    for (const rule of RULE_IDS) {
      expect(at(zhCN, `findings.rules.${rule}`), `zh-CN ${rule}`).toEqual(expect.any(String));
      expect(at(en, `findings.rules.${rule}`), `en ${rule}`).toEqual(expect.any(String));
    }
  });
});
