// An esbuild plugin that writes every non-ASCII character of the project's own sources as a
// \uXXXX escape as they are loaded. esbuild escapes strings and identifiers in its output but
// not regular expression literals, and one Chinese character in a bundle makes V8 hold and
// scan all of it as two-byte text: the CLI's commands and the scan workers (read, compiled and
// hashed at every start) are ASCII with this. The escape means the same character everywhere
// it may appear: strings, templates (no String.raw here: a test checks), regular expressions
// (with or without the u flag, surrogate pairs included), identifiers and comments.
import { readFile } from 'node:fs/promises';

const NON_ASCII = /(\\*)([\u0080-\uffff])/g;

/** `text` with its non-ASCII characters escaped; an identity escape (`\：`) becomes the escape itself. */
export function escapeNonAscii(text) {
  return text.replace(NON_ASCII, (_, backslashes, char) => {
    // An odd run of backslashes escapes the character itself: `\：` is `：`.
    const kept = backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes;
    return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Escapes the project's own .ts sources (node_modules are left as published). */
export const asciiSource = {
  name: 'ascii-source',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (text.includes('String.raw')) {
        throw new Error(`${args.path}: String.raw would see the escapes ascii-source writes; write the text another way`);
      }
      return { contents: escapeNonAscii(text), loader: 'ts' };
    });
  },
};
