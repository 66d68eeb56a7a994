/**
 * The few globals every runtime of shared/ code has (Node, Electron main, the renderer): the
 * WHATWG text codecs. Declared here so shared/ can use them without DOM or Node typings, which
 * would let `window` or `Buffer` slip in.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
