/**
 * The digester for payload files in the main process and the CLI: SHA-256 from `node:crypto`
 * (native everywhere), SM3 from `node:crypto` where the runtime's OpenSSL has it (Node) and
 * from the WebAssembly implementation where it does not (Electron's BoringSSL). Native hashing
 * halves the time a 100 MB package takes to verify; the digests are the same either way.
 */
import { createHash, getHashes } from 'node:crypto';
import { createSM3 } from 'hash-wasm';
import type { Digester } from '../../../shared/crypto/digest';

const NATIVE_SM3 = getHashes().includes('sm3');

export async function createFileDigester(options: { nativeSm3?: boolean } = {}): Promise<Digester> {
  const sha256 = createHash('sha256');
  const update: ((chunk: Uint8Array) => void)[] = [(chunk) => sha256.update(chunk)];
  let sm3Hex: () => string;
  if (options.nativeSm3 ?? NATIVE_SM3) {
    const sm3 = createHash('sm3');
    update.push((chunk) => sm3.update(chunk));
    sm3Hex = () => sm3.digest('hex');
  } else {
    const sm3 = await createSM3();
    sm3.init();
    update.push((chunk) => sm3.update(chunk));
    sm3Hex = () => sm3.digest('hex');
  }
  return {
    update(chunk) {
      for (const u of update) u(chunk);
    },
    digest() {
      return { sha256: `sha256:${sha256.digest('hex')}`, sm3: `sm3:${sm3Hex()}` };
    },
  };
}
