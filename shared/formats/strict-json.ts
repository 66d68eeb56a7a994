/**
 * JSON parsing for anything we verify: rejects duplicate keys (which `JSON.parse` silently
 * resolves to the last one, a classic signature-confusion trick) and reports the line and
 * column of every problem so the error can name where to look.
 */
import { parse as parseAst, type ValueNode } from '@humanwhocodes/momoa';

export class StrictJsonError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = 'StrictJsonError';
    this.line = line;
    this.column = column;
  }
}

/** Parses `text` as JSON, throwing StrictJsonError on a syntax error or a duplicate key. */
export function parseStrictJson(text: string): unknown {
  let ast;
  try {
    ast = parseAst(text, { mode: 'json' });
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number };
    const message = (e.message ?? 'invalid JSON').replace(/\s*\(\d+:\d+\)$/, '');
    throw new StrictJsonError(message, e.line ?? 1, e.column ?? 1);
  }
  rejectDuplicateKeys(ast.body);
  // The AST proved the text is plain JSON without duplicates; the native parser gives the value
  // with the usual semantics (e.g. "__proto__" stays an own property).
  return JSON.parse(text) as unknown;
}

function rejectDuplicateKeys(node: ValueNode): void {
  const stack: ValueNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'Object') {
      const seen = new Set<string>();
      for (const member of current.members) {
        const key = member.name.type === 'String' ? member.name.value : member.name.name;
        if (seen.has(key)) {
          const { line, column } = member.name.loc.start;
          throw new StrictJsonError(`duplicate key "${key}"`, line, column);
        }
        seen.add(key);
        stack.push(member.value);
      }
    } else if (current.type === 'Array') {
      for (const element of current.elements) stack.push(element.value);
    }
  }
}
