/**
 * `review verify`: checks evidence offline, trusting only the keys it is given. It verifies a
 * signed record (one envelope), a journal of them (JSON lines: credentials verified with the
 * authority key of `--trust` lend their keys to the records that follow), a sealed PDF with its
 * seal-application record (the signature, and the PDF's SM3 against `tbsSign.dataHash`), a seal
 * definition, or an audit log export (the hash chain of FORMATS.md §5). Every JSON input is
 * parsed strictly (duplicate keys are an error). Exit 0 valid, 1 invalid (with the reason),
 * 2 unusable input.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyChain } from '../../shared/audit/chain';
import { sm3Digest } from '../../shared/crypto/digest';
import { parsePublicKeyPem, verifySignature, type PublicKey } from '../../shared/crypto/signing';
import { parseStrictJson, StrictJsonError } from '../../shared/formats/strict-json';
import { verifyEnvelope } from '../../shared/records/envelope';
import { recordSigner, type SignedRecord } from '../../shared/records/schemas';

export const VERIFY_USAGE = `  verify <file> [<record>] [--pub <public.pem>]... [--trust <authority.pem>]...
                                 Verify a signed record, a journal of records (JSON lines), a
                                 sealed PDF with its seal-application record (second argument),
                                 a seal definition, or an audit log export. --pub gives a signer's
                                 public key; --trust the authority's, whose credentials in a
                                 journal vouch for their holders' keys. Exit 0 valid, 1 invalid.`;

export type VerifyIo = { out: (line: string) => void; err: (line: string) => void };

class Unusable extends Error {}

export async function verify(args: string[], io: VerifyIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { pub: { type: 'string', multiple: true }, trust: { type: 'string', multiple: true } } });
  } catch (error) {
    io.err(`verify: ${(error as Error).message.split('\n')[0]}`);
    return 2;
  }
  const { values, positionals } = parsed;
  try {
    if (positionals.length < 1 || positionals.length > 2) throw new Unusable('give the file to verify (and, for a sealed PDF, its seal-application record)');
    const keys = new Map<string, PublicKey>();
    const trusted = new Set<string>();
    for (const [list, isAuthority] of [
      [values.pub ?? [], false],
      [values.trust ?? [], true],
    ] as const) {
      for (const path of list) {
        const key = await readPublicKey(path);
        keys.set(key.keyId, key);
        if (isAuthority) trusted.add(key.keyId);
      }
    }
    const path = resolve(positionals[0]!);
    const bytes = await readInput(path);
    const problems: string[] = [];
    if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
      if (!positionals[1]) throw new Unusable(`${path} is a PDF: give its seal-application record as the second argument`);
      const recordPath = resolve(positionals[1]);
      const record = verifyOne((await readInput(recordPath)).toString('utf8'), keys, recordPath, problems, io);
      if (record) {
        if (record.format !== 'seal-application') problems.push(`${recordPath} is a ${record.format} record, not a seal application`);
        else {
          const digest = await sm3Digest(bytes);
          if (digest !== record.tbsSign.dataHash) problems.push(`the PDF's SM3 is ${digest}, but the seal application signed ${record.tbsSign.dataHash}: the PDF was changed after sealing (or is another document)`);
          else if (record.document.bytes !== bytes.length) problems.push(`the PDF has ${bytes.length} bytes, but the seal application signed ${record.document.bytes}`);
          else io.out(`valid: ${path} is the document sealed by application ${record.id} (用印登记号 ${record.ledgerNo}), SM3 ${digest}`);
        }
      }
    } else {
      const text = decodeUtf8(bytes, path);
      const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
      if (lines.length === 0) throw new Unusable(`${path} is empty`);
      // One document (one line, or pretty-printed), or JSON lines (a journal, an audit log).
      const whole = lines.length === 1 ? { ok: true as const, value: parseLoosely(text) } : parseWhole(text);
      const first = whole.ok ? whole.value : parseLine(lines[0]!, path, 1);
      if (isAuditEvent(first)) {
        const chain = await verifyChain(text);
        if (chain.ok) io.out(`valid: audit log ${path}: ${chain.events} events, the hash chain holds; head ${chain.head}`);
        else problems.push(`audit log ${path}, line ${chain.line}: ${chain.reason}`);
      } else if (whole.ok) {
        verifyOne(text, keys, path, problems, io);
      } else {
        // A journal: credentials signed by a trusted authority vouch for their holders' keys.
        for (const [i, line] of lines.entries()) {
          const record = verifyOne(line, keys, `${path} line ${i + 1}`, problems, io);
          if (record?.format === 'credential' && trusted.has(record.signer.keyId)) {
            const key = parsePublicKeyPem(record.publicKey);
            keys.set(key.keyId, key);
          }
        }
      }
    }
    for (const problem of problems) io.err(`invalid: ${problem}`);
    return problems.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof Unusable) {
      io.err(`verify: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

/** Verifies one envelope; reports and returns its record when valid, adds the reason otherwise. */
function verifyOne(text: string, keys: Map<string, PublicKey>, where: string, problems: string[], io: VerifyIo): SignedRecord | null {
  const asked: { keyId: string | null } = { keyId: null };
  const result = verifyEnvelope(
    text,
    (id) => {
      asked.keyId = id;
      return keys.get(id) ?? null;
    },
    verifySignature,
  );
  if (!result.ok) {
    if (result.code === 'unknown-key' && asked.keyId !== null) {
      throw new Unusable(`${where} is signed by key ${asked.keyId}, which was not given: pass its public key with --pub (or the authority's with --trust for a journal holding its credential)`);
    }
    problems.push(`${where}: ${result.reason}`);
    return null;
  }
  const signer = recordSigner(result.record);
  io.out(`valid: ${where}: ${result.record.format} ${result.record.id} signed by ${signer.name} (${signer.id}, ${signer.keyId})`);
  return result.record;
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new Unusable(`${path} cannot be read`);
  }
}

async function readPublicKey(path: string): Promise<PublicKey> {
  const text = decodeUtf8(await readInput(resolve(path)), path);
  try {
    return parsePublicKeyPem(text);
  } catch (error) {
    throw new Unusable(`${path} is not a usable public key: ${(error as Error).message}`);
  }
}

function decodeUtf8(bytes: Buffer, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Unusable(`${path} is neither a PDF nor UTF-8 text`);
  }
}

function parseLine(line: string, path: string, number: number): unknown {
  try {
    return parseStrictJson(line);
  } catch {
    throw new Unusable(`${path} line ${number} is not JSON (expected a signed record, JSON lines of them, or an audit log export)`);
  }
}

/**
 * The text as one JSON document, if it is one (a record, pretty-printed or not). A document
 * with a duplicate key is one too: its verification then fails, naming the key.
 */
function parseWhole(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseStrictJson(text) };
  } catch (error) {
    if (error instanceof StrictJsonError) return DUPLICATE.test(error.message) ? { ok: true, value: null } : { ok: false };
    throw error;
  }
}

/** A one-line document for routing only (the record check parses it strictly): null when it is not plain JSON. */
function parseLoosely(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const DUPLICATE = /duplicate/i;

const isAuditEvent = (value: unknown): boolean => typeof value === 'object' && value !== null && 'seq' in value && 'prev' in value && 'hash' in value;
