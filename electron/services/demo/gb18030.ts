/**
 * A GB18030 encoder for demo data, which Node lacks (its TextDecoder decodes GB18030 but
 * TextEncoder only writes UTF-8). The reverse table is derived once from the platform decoder,
 * so no mapping table is written by hand; only ASCII and two-byte (GBK range) characters are
 * supported, which covers every character the demo emits.
 */

let reverse: Map<string, [number, number]> | undefined;

/** Builds the character → two-byte code map by decoding every two-byte GBK-range sequence. */
function reverseTable(): Map<string, [number, number]> {
  if (reverse) return reverse;
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder('gb18030', { fatal: true });
  } catch {
    throw new Error('this runtime has no GB18030 decoder (Node built without full ICU); the GB18030 demo file cannot be written');
  }
  const table = new Map<string, [number, number]>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let text: string;
      try {
        text = decoder.decode(pair);
      } catch {
        continue;
      }
      // Keep the first (lowest) code for a character, so the table does not depend on the
      // order of a Map or on duplicate mappings in newer editions of the standard.
      if (text.length === 1 && !table.has(text)) table.set(text, [lead, trail]);
    }
  }
  reverse = table;
  return table;
}

/**
 * Encodes `text` as GB18030. ASCII stays one byte; other characters must have a two-byte code.
 * Throws an Error naming the first character that has none (it would need a four-byte code).
 */
export function encodeGb18030(text: string): Uint8Array {
  const out: number[] = [];
  let table: Map<string, [number, number]> | undefined;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    table ??= reverseTable();
    const bytes = table.get(char);
    if (!bytes) throw new Error(`the character U+${code.toString(16).toUpperCase().padStart(4, '0')} has no two-byte GB18030 code`);
    out.push(bytes[0], bytes[1]);
  }
  return Uint8Array.from(out);
}
