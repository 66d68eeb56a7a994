// A worker's foreign error is named without its message, which may quote raw input.
import { describe, expect, it } from 'vitest';
import { foreignError } from './worker-errors';

describe('foreignError', () => {
  it('names the kind and the place, not the message', () => {
    let thrown: unknown;
    try {
      JSON.parse('x13812345678');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toContain('13812345678');
    const text = foreignError(thrown);
    expect(text).toMatch(/^an unexpected SyntaxError/);
    expect(text).not.toContain('13812345678');
  });

  it('says little about what is not an Error', () => {
    expect(foreignError('13812345678')).toBe('an unexpected error');
  });
});
