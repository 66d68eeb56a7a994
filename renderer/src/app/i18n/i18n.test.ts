/**
 * Every user-visible string exists in both languages: the locales have exactly the same
 * keys, no value is empty, both use the same interpolation variables, and every error code
 * main emits has a translation.
 */
import { describe, expect, it } from 'vitest';
import { DETECTOR_IDS } from '../../../../shared/detect/types';
import { DATA_CLASSES, PRODUCT_KINDS } from '../../../../shared/formats/candidate';
import { placeholdersOf } from '../errors';
import { en } from './en';
import { i18n, resources } from './index';
import { zhCN } from './zh-CN';

function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree === 'object' && tree !== null) {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (typeof value === 'object' && value !== null) for (const [k, v] of flatten(value, path)) out.set(k, v);
      else out.set(path, value);
    }
  }
  return out;
}

const zh = flatten(zhCN);
const english = flatten(en);

/** Every code the main side emits (see the IPC contract and the import service). */
const MAIN_ERROR_CODES = [
  'ipc.unknown-channel',
  'ipc.invalid-request',
  'ipc.forbidden-sender',
  'ipc.internal',
  'import.not-found',
  'import.not-a-package',
  'import.zip-invalid',
  'import.unsafe-path',
  'import.too-many-entries',
  'import.too-large',
  'import.compression-ratio',
  'import.manifest-missing',
  'import.manifest-encoding',
  'import.manifest-json',
  'import.manifest-invalid',
  'import.missing-file',
  'import.undeclared-file',
  'import.size-mismatch',
  'import.digest-mismatch',
  'import.duplicate',
  'import.revision-conflict',
  'import.read-failed',
  'shell.url-refused',
  'candidates.not-found',
  'scan.cancelled',
  'scan.failed',
  'revision.cancelled',
  'revision.failed',
  'tables.unsupported',
  'tables.xlsx-invalid',
  'tables.xlsx-unsafe',
  'tables.xlsx-protected',
  'tables.xlsx-no-sheet',
  'tables.xlsx-not-a-table',
  'tables.read-failed',
  'tables.index-stale',
  'intake.encoding-unknown',
  'reveal.too-many',
  'reveal.role',
  'reveal.no-such-cell',
  'preview.not-scanned',
  'preview.no-such-file',
  'preview.no-such-sheet',
  'findings.not-scanned',
  'findings.no-such-finding',
  'findings.blocking',
  'findings.acknowledgements-unreadable',
  'store.locked',
  'store.wrong-passphrase',
  'store.rate-limited',
  'store.passphrase-required',
  'store.passphrase-too-short',
  'store.key-missing',
  'store.key-exists',
  'store.key-invalid',
  'store.key-read-failed',
  'store.key-write-failed',
  'store.keychain-unavailable',
  'store.keychain-failed',
  'store.unencrypted',
  'store.wrong-key',
  'store.tampered',
  'store.read-failed',
  'store.write-failed',
  // Signing (issue 5): keys, identity, decisions, the journal and the seal. (decision.not-allowed and
  // seal.not-allowed carry the role rule's own reason in both languages: features/decision/refusal.ts.)
  'decision.blocking-findings',
  'decision.findings-changed',
  'decision.mismatch',
  'decision.not-found',
  'identity.already-set-up',
  'identity.damaged',
  'identity.locked',
  'identity.no-user',
  'identity.unknown-user',
  'journal.broken',
  'journal.invalid-record',
  'journal.write-failed',
  'keys.exists',
  'keys.invalid',
  'keys.locked',
  'keys.passphrase-required',
  'keys.rate-limited',
  'keys.read-failed',
  'keys.unknown',
  'keys.write-failed',
  'keys.wrong-passphrase',
  'records.invalid',
  'seal.already-applied',
  'seal.already-decided',
  'seal.document-missing',
  'seal.document-tampered',
  'seal.key-not-listed',
  'seal.no-final-decision',
  'seal.none',
  'seal.not-found',
  'seal.picture-unsupported',
];

describe('locales', () => {
  it('have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty or non-string values', () => {
    for (const [name, map] of [['zh-CN', zh], ['en', english]] as const) {
      for (const [key, value] of map) {
        expect(typeof value, `${name} ${key}`).toBe('string');
        expect(String(value).trim(), `${name} ${key}`).not.toBe('');
      }
    }
  });

  it('interpolate the same variables in both languages', () => {
    for (const [key, value] of zh) {
      expect(new Set(placeholdersOf(String(english.get(key)))), key).toEqual(new Set(placeholdersOf(String(value))));
    }
  });

  it('translate every error code main emits, naming the file or field it is about', () => {
    for (const code of MAIN_ERROR_CODES) {
      expect(zh.has(`errors.${code}`), code).toBe(true);
    }
    expect(placeholdersOf(String(zh.get('errors.import.digest-mismatch')))).toEqual(['file', 'field']);
    expect(placeholdersOf(String(zh.get('errors.import.manifest-invalid')))).toEqual(['field', 'problem']);
  });

  it('name every product kind', () => {
    for (const kind of PRODUCT_KINDS) expect(zh.has(`kinds.${kind}`), kind).toBe(true);
  });

  it('name every detector and data class the preview shows', () => {
    for (const id of DETECTOR_IDS) expect(zh.has(`detectors.${id}`), id).toBe(true);
    for (const name of DATA_CLASSES) expect(zh.has(`classes.${name}`), name).toBe(true);
  });

  it('carry the limit into the reveal errors and the watermark names the reviewer', () => {
    expect(placeholdersOf(String(zh.get('errors.reveal.too-many')))).toEqual(['limit']);
    expect(zh.get('preview.cell.maskedForDisplay')).toBe('展示时已脱敏——候选包中为明文');
    expect(english.get('preview.cell.maskedForDisplay')).toBe('masked for display — the candidate carries it in clear');
    expect(zh.get('preview.watermark.reviewer')).toBe('本机审核员');
  });

  it('are registered with zh-CN as the default', () => {
    expect(Object.keys(resources)).toEqual(['zh-CN', 'en']);
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('nav.queue')).toBe('审核队列');
  });
});
