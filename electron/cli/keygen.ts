/**
 * `review keygen --alg sm2|ed25519 --out <dir> [--passphrase-env NAME]` (issue 5): generates a
 * signing key pair and writes `<dir>/public.pem` (PEM SPKI, as OpenSSL writes it) and
 * `<dir>/private.pem` — PKCS#8 encrypted under the passphrase in the environment variable NAME
 * (scrypt + AES-256-GCM, readable by the workstation and `review decide`, not by OpenSSL), or
 * unencrypted PKCS#8 without --passphrase-env (readable by OpenSSL). Never overwrites a file.
 * Exit 0 written, 2 unusable input (one line on stderr).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateKeyPair, privateKeyPem, type SignatureAlg } from '../../shared/crypto/signing';
import { ServiceError } from '../../shared/ipc/result';
import { checkNewPassphrase } from '../services/at-rest/store-key';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, encryptPrivateKey, writeKeyPairFiles } from '../services/keys/private-key-file';

export const KEYGEN_USAGE = `  keygen --alg sm2|ed25519 --out <dir> [--passphrase-env NAME]
                                 Generate a signing key pair: <dir>/public.pem (SPKI) and
                                 <dir>/private.pem (PKCS#8; encrypted under the passphrase in
                                 the environment variable NAME, else unencrypted). Never overwrites.`;

const ALGS: Record<string, SignatureAlg> = { sm2: 'SM2-SM3', 'sm2-sm3': 'SM2-SM3', ed25519: 'Ed25519' };

export type KeygenIo = {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** scrypt cost for tests (min 15); the default is 2^17. */
  scryptLog2N?: number;
};

const defaultIo: KeygenIo = { env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) };

export async function keygen(args: string[], io: KeygenIo = defaultIo): Promise<number> {
  const refuse = (reason: string) => {
    io.err(`keygen: ${reason}`);
    return 2;
  };
  let values: { alg?: string | undefined; out?: string | undefined; 'passphrase-env'?: string | undefined };
  try {
    ({ values } = parseArgs({ args, options: { alg: { type: 'string' }, out: { type: 'string' }, 'passphrase-env': { type: 'string' } } }));
  } catch (error) {
    return refuse(`${(error as Error).message.split('\n')[0]!} (usage: keygen --alg sm2|ed25519 --out <dir> [--passphrase-env NAME])`);
  }
  if (values.alg === undefined) return refuse('--alg sm2|ed25519 is required');
  const alg = ALGS[values.alg.toLowerCase()];
  if (!alg) return refuse(`--alg must be sm2 or ed25519, not "${values.alg}"`);
  if (!values.out) return refuse('--out <dir> is required (the folder for public.pem and private.pem)');
  const dir = resolve(values.out);

  let passphrase: string | undefined;
  const envName = values['passphrase-env'];
  if (envName !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envName)) return refuse(`--passphrase-env takes the name of an environment variable, not "${envName}"`);
    passphrase = io.env[envName];
    if (passphrase === undefined || passphrase === '') return refuse(`the environment variable ${envName} (named by --passphrase-env) is not set or is empty`);
    try {
      checkNewPassphrase(passphrase);
    } catch (error) {
      if (error instanceof ServiceError) return refuse(error.message);
      throw error;
    }
  }

  for (const name of [PUBLIC_KEY_FILE, PRIVATE_KEY_FILE]) {
    if (existsSync(join(dir, name))) return refuse(`${join(dir, name)} already exists; refusing to overwrite a key file (choose another --out)`);
  }

  const { publicKey, pkcs8Der } = generateKeyPair(alg);
  try {
    const privatePem =
      passphrase === undefined ? privateKeyPem(pkcs8Der) : await encryptPrivateKey(pkcs8Der, passphrase, io.scryptLog2N !== undefined ? { scryptLog2N: io.scryptLog2N } : {});
    const { publicPath, privatePath } = await writeKeyPairFiles(dir, { publicPem: publicKey.pem, privatePem });
    io.out(`key id ${publicKey.keyId} (${alg})`);
    io.out(`wrote ${publicPath}`);
    io.out(
      `wrote ${privatePath} (${passphrase === undefined ? 'unencrypted PKCS#8: anyone who can read it can sign; keep it safe or give --passphrase-env' : 'PKCS#8 encrypted with scrypt and AES-256-GCM'})`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ServiceError) return refuse(error.message);
    throw error;
  } finally {
    pkcs8Der.fill(0);
  }
}
