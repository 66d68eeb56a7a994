// Digest cells decode to the words the compressors output, whatever their case or encoding, with
// the algorithms their length allows (narrowed by an `<alg>:` prefix); other cells are no target.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_INFO, digestBytes } from './block-hashes';
import { parseDigestCell } from './digest-target';

const input = new TextEncoder().encode('13812345678');

/** The target words of the digest bytes in the algorithm's byte order. */
function words(algorithm: 'md5' | 'sha256'): number[] {
  const bytes = digestBytes(algorithm, input);
  const view = new DataView(bytes.buffer);
  return Array.from({ length: bytes.length / 4 }, (_, i) => view.getInt32(4 * i, ALGORITHM_INFO[algorithm].littleEndian));
}

describe('parseDigestCell', () => {
  it('reads lower- and upper-case hex, standard and URL-safe base64 alike', () => {
    const md5 = createHash('md5').update(input);
    const hex = md5.copy().digest('hex');
    const base64 = md5.digest('base64');
    for (const cell of [hex, hex.toUpperCase(), ` ${hex} `, base64, base64.replace(/\+/g, '-').replace(/\//g, '_'), `md5:${hex}`]) {
      const target = parseDigestCell(cell);
      expect(target?.algorithms, cell).toEqual(['md5']);
      expect([...target!.words], cell).toEqual(words('md5'));
    }
  });

  it('allows both 256-bit algorithms unless a prefix names one', () => {
    const hex = createHash('sha256').update(input).digest('hex');
    expect(parseDigestCell(hex)).toMatchObject({ algorithms: ['sha256', 'sm3'], encoding: 'hex', upperCase: false });
    expect([...parseDigestCell(hex)!.words]).toEqual(words('sha256'));
    expect(parseDigestCell(`SHA-256:${hex}`)?.algorithms).toEqual(['sha256']);
    expect(parseDigestCell(`sm3:${hex}`)?.algorithms).toEqual(['sm3']);
    expect(parseDigestCell(`md5:${hex}`)).toBeNull();
  });

  it('is null for cells that are not digests', () => {
    for (const cell of ['', '13812345678', '0123456789'.repeat(3) + '12', 'e10adc3949ba59abbe56e057f20f883', 'E10adc3949ba59abbe56e057f20f883e']) {
      expect(parseDigestCell(cell), cell).toBeNull();
    }
  });
});
