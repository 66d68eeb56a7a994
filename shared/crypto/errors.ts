/**
 * The one error the cryptographic layer throws for bad input (a malformed key, PEM or DER, an
 * out-of-range value): its message says what was wrong and where, for a person to act on.
 * Verification never throws it for a bad signature; it returns false.
 */

/** Bad cryptographic input: the message names the structure and the field that is wrong. */
export class CryptoInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CryptoInputError';
  }
}
