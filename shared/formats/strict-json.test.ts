// Anything we verify is parsed without tolerating duplicate keys, at any depth.
import { describe, expect, it } from 'vitest';
import { StrictJsonError, parseStrictJson } from './strict-json';

describe('parseStrictJson', () => {
  it('parses plain JSON like JSON.parse', () => {
    expect(parseStrictJson('{"a":[1,{"b":null}],"c":"中文"}')).toEqual({ a: [1, { b: null }], c: '中文' });
  });

  it('rejects duplicate keys at any depth with their position', () => {
    expect(() => parseStrictJson('{"a":1,"a":2}')).toThrow('duplicate key "a"');
    try {
      parseStrictJson('{"x":[{"k":1,\n"k":2}]}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StrictJsonError);
      expect((error as StrictJsonError).line).toBe(2);
    }
  });

  it('treats keys that differ only by escaping as duplicates', () => {
    expect(() => parseStrictJson('{"a":1,"\\u0061":2}')).toThrow(/duplicate/);
  });

  it('rejects non-JSON (comments, trailing commas, NaN) with a position', () => {
    for (const text of ['{"a":1,}', '{"a":1 // c\n}', '{"a":NaN}', "{'a':1}", '']) {
      expect(() => parseStrictJson(text), text).toThrow(StrictJsonError);
    }
  });

  it('keeps "__proto__" as an own property instead of changing the prototype', () => {
    const value = parseStrictJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
