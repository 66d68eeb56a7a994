/**
 * Streaming SHA-256 and SM3 (GB/T 32905) digests in pure WebAssembly via hash-wasm, so the same
 * code runs in Electron's main process (BoringSSL has no SM3), in Node and in tests.
 */
import { createSHA256, createSM3 } from 'hash-wasm';

export type Digests = { sha256: string; sm3: string };

export type Digester = {
  update(chunk: Uint8Array): void;
  /** Finishes both digests as `sha256:<hex>` and `sm3:<hex>`. */
  digest(): Digests;
};

/** A digester that feeds every chunk to SHA-256 and SM3 at once. */
export async function createDigester(): Promise<Digester> {
  const [sha256, sm3] = await Promise.all([createSHA256(), createSM3()]);
  sha256.init();
  sm3.init();
  return {
    update(chunk) {
      sha256.update(chunk);
      sm3.update(chunk);
    },
    digest() {
      return { sha256: `sha256:${sha256.digest('hex')}`, sm3: `sm3:${sm3.digest('hex')}` };
    },
  };
}

/** `sm3:<hex>` of some bytes. */
export async function sm3Digest(bytes: Uint8Array): Promise<string> {
  const hasher = await createSM3();
  hasher.init();
  hasher.update(bytes);
  return `sm3:${hasher.digest('hex')}`;
}
