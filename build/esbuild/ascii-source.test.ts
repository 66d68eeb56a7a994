/** escapeNonAscii must not change what any string, template, regular expression or identifier means. */
import { describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import { findInText } from '../../shared/detect';
import { asciiSource, escapeNonAscii } from './ascii-source.mjs';

/** Evaluates an expression of JavaScript source. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test compares what two spellings of the same source evaluate to
const evaluate = (source: string): unknown => (new Function(`return (${source});`) as () => unknown)();

describe('escapeNonAscii', () => {
  it('gives ASCII text that evaluates to the same values', () => {
    const x = 'x';
    const cases = [
      `'中文：，'`,
      `"“引号”"`,
      `\`“\${${JSON.stringify(x)}}”在候选包中\``,
      `/[：，、；]/.test('，')`,
      `/[：，、；]/u.test('x')`,
      `/省|市|区|县/.exec('浙江省杭州市')?.[0]`,
      `/[０-９]/g[Symbol.replace]('电话１３８', '#')`,
      // Identity escapes of a non-ASCII character mean the character.
      `'\\中' === '中'`,
      `/\\：/.test('：')`,
      // An escaped backslash before a character stays a backslash.
      `'\\\\中'.length`,
      `'\\\\中'`,
      // Astral characters: two code units, escaped one by one, in strings and in regular expressions of both kinds.
      `'😀'.length`,
      `/^[😀]$/u.test('😀')`,
      `/^😀$/.test('😀')`,
      `/^.$/u.test('𝑊')`,
      `(() => { const 名称 = 3; return 名称 + 1; })()`,
    ];
    for (const source of cases) {
      const escaped = escapeNonAscii(source);
      expect(escaped, source).not.toMatch(/[\u0080-\uffff]/);
      expect(evaluate(escaped), source).toEqual(evaluate(source));
    }
  });

  it('leaves ASCII text as it is', () => {
    const text = "const a = /\\d+/g; // plain\n`${a}`";
    expect(escapeNonAscii(text)).toBe(text);
  });

  it('makes a bundle of the detectors ASCII, and they still find Chinese identifiers', async () => {
    const result = await esbuild.build({
      stdin: { contents: "export { findInText } from './shared/detect';", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      write: false,
      minifyWhitespace: true,
      plugins: [asciiSource],
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/[\u0080-\uffff]/);
    const module = { exports: {} as { findInText?: typeof findInText } };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the bundle just built
    (new Function('module', 'exports', 'require', code) as (...args: unknown[]) => void)(module, module.exports, require);
    const text = '联系人：张三，手机１３８１２３４５６７８，地址浙江省杭州市西湖区文三路90号，车牌浙A·12345，已脱敏 138****5678';
    const found = module.exports.findInText!(text);
    expect(found.map((d) => d.detector)).toEqual(expect.arrayContaining(['person-name', 'cn-mobile', 'address']));
    // Exactly what the sources find.
    expect(found).toEqual(findInText(text));
  });
});
