// A file whose content cannot be compared says why without repeating what a parser quoted.
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/ipc/result';
import { problem } from './diff-revisions';

describe('problem', () => {
  it('names a foreign error by its kind only: V8 quotes the input it could not parse', () => {
    let thrown: unknown;
    try {
      JSON.parse('x13812345678');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toContain('13812345678');
    expect(problem(thrown)).toBe('it could not be read (SyntaxError)');
  });

  it('keeps our own messages, which carry no values', () => {
    expect(problem(new ServiceError('tables.read-failed', '"data/x.csv" could not be read.'))).toBe('"data/x.csv" could not be read.');
  });
});
