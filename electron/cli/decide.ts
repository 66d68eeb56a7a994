/**
 * `review decide`: runs every check on a package with a policy (the same code as `review
 * check` and the app), then signs a review decision pinning the candidate, policy and findings
 * digests with the given private key, and writes the envelope (FORMATS.md §4) to `--out`. An
 * approval with a blocking finding is refused (exit 1). The signing device is the key's folder:
 * its records are journaled there (`journal/records.jsonl`), so `device.seq` stays gap-free.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRealDate } from '../../shared/formats/common';
import { canonicalSm3 } from '../../shared/formats/canonical';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../shared/formats/policy';
import { ServiceError } from '../../shared/ipc/result';
import { envelopeLine } from '../../shared/records/envelope';
import { isApproving, type ReviewDecision } from '../../shared/records/schemas';
import { runCheck } from '../services/check/run-check';
import { openInspection } from '../services/check/inspect-package';
import { openJournal } from '../services/journal/journal';
import { readKeyFile, readPrivateKey } from '../services/keys/private-key-file';
import { createLogger } from '../services/log';
import { parsePolicy } from '../services/policies/policy-store';
import { readFile } from 'node:fs/promises';
import type { WorkerPool } from '../services/scan/worker-pool';

export const DECIDE_USAGE = `  decide <package> --policy <policy.json> --outcome <approve|approve-with-conditions|return|reject>
         --scenario <id> --reviewer <id> --name <name> --key <private.pem> [--passphrase-env NAME]
         [--condition <text>]... [--comment <text>] [--at YYYY-MM-DD] --out <file>
                                 Run the checks and sign a review decision (SM2-with-SM3 or
                                 Ed25519, by the key) pinning the candidate, policy and findings
                                 digests; writes the signed envelope to --out. Refuses an approval
                                 while a blocking finding stands (exit 1).`;

export type DecideIo = { env: Record<string, string | undefined>; out: (line: string) => void; err: (line: string) => void; pool: () => WorkerPool };

export async function decide(args: string[], io: DecideIo): Promise<number> {
  const refuse = (reason: string, code = 2) => {
    io.err(`decide: ${reason}`);
    return code;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        outcome: { type: 'string' },
        scenario: { type: 'string' },
        reviewer: { type: 'string' },
        name: { type: 'string' },
        key: { type: 'string' },
        'passphrase-env': { type: 'string' },
        condition: { type: 'string', multiple: true },
        comment: { type: 'string' },
        at: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    return refuse((error as Error).message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return refuse('give exactly one package folder or .zip');
  for (const required of ['policy', 'outcome', 'scenario', 'reviewer', 'name', 'key', 'out'] as const) {
    if (!values[required]) return refuse(`--${required} is required`);
  }
  const outcome = values.outcome as DecisionOutcome;
  if (!(DECISION_OUTCOMES as readonly string[]).includes(outcome)) return refuse(`--outcome must be one of ${DECISION_OUTCOMES.join(', ')}, not "${values.outcome}"`);
  if (values.at !== undefined && !isRealDate(values.at)) return refuse(`--at must be a date YYYY-MM-DD, not "${values.at}"`);
  const out = resolve(values.out!);
  if (existsSync(out)) return refuse(`${out} already exists; refusing to overwrite a signed record`);
  let passphrase: string | undefined;
  const envName = values['passphrase-env'];
  if (envName !== undefined) {
    passphrase = io.env[envName];
    if (!passphrase) return refuse(`the environment variable ${envName} (named by --passphrase-env) is not set or is empty`);
  }

  const pool = io.pool();
  try {
    const keyPath = resolve(values.key!);
    const key = await readPrivateKey(await readKeyFile(keyPath), { passphrase, source: keyPath });
    const packagePath = resolve(positionals[0]!);
    const policy = await parsePolicy(await readFile(resolve(values.policy!)), resolve(values.policy!));
    const doc = await runCheck({ packagePath, policyPath: resolve(values.policy!), ...(values.at ? { at: values.at } : {}), pool });
    const opened = await openInspection(packagePath);
    const manifest = opened.manifest;
    await opened.source.close();
    if (values.scenario !== manifest.scenario.id) return refuse(`--scenario "${values.scenario}" is not the candidate's scenario "${manifest.scenario.id}"`);
    if (isApproving(outcome) && doc.summary.block > 0) {
      const rules = [...new Set(doc.findings.filter((f) => f.severity === 'block').map((f) => f.rule))].join(', ');
      return refuse(`refused: an approval is impossible while ${doc.summary.block} blocking finding(s) stand (${rules}); return the candidate for revision or reject it`, 1);
    }
    const conditions = values.condition ?? [];
    const comment = values.comment ?? '';
    const journal = await openJournal({ dataDir: dirname(keyPath), deviceId: `cli-${key.publicKey.keyId.split(':')[1]}`, log: createLogger(() => undefined) });
    const envelope = await journal.appendNew<ReviewDecision>(
      {
        format: 'review-decision',
        formatVersion: 1,
        candidate: { id: doc.candidate.id, revision: doc.candidate.revision, digest: doc.candidate.digest },
        policy: { id: policy.policy.id, version: policy.policy.version, digest: policy.digest },
        outcome,
        scenarioId: manifest.scenario.id,
        recipient: { name: manifest.recipient.name, creditCode: manifest.recipient.creditCode },
        conditions,
        comment,
        findings: { digest: await canonicalSm3(doc), block: doc.summary.block, warn: doc.summary.warn, acknowledged: [] },
        role: 'reviewer',
        reviewer: { id: values.reviewer!, name: values.name!, keyId: key.publicKey.keyId },
      },
      key.handle,
    );
    await writeFile(out, envelopeLine(envelope) + '\n', { flag: 'wx' });
    io.out(`signed ${envelope.record.id}: ${outcome} of ${doc.candidate.id} r${doc.candidate.revision} by ${values.name} (${key.publicKey.keyId})`);
    io.out(`findings ${doc.summary.block} blocking, ${doc.summary.warn} warnings; digest ${envelope.record.findings.digest}`);
    io.out(`wrote ${out}`);
    return 0;
  } catch (error) {
    if (error instanceof ServiceError) return refuse(error.message);
    if (error instanceof Error && (error.name === 'ZodError' || error instanceof TypeError)) return refuse(`the decision cannot be signed: ${error.message.split('\n')[0]}`);
    throw error;
  } finally {
    await pool.close();
  }
}
