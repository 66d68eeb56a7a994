/**
 * The revision rules of RULES.md (§6(1)): a resubmission must name the candidate digest of the
 * revision it replaces (`previousRevisionDigest`, FORMATS.md §1), and every payload file that
 * differs from that revision is reported so the reviewer looks at what changed. Pure: the
 * caller reads the stored previous revision and computes its digest (`candidateDigest`).
 */
import { compareFiles } from '../diff/files';
import type { Candidate } from '../formats/candidate';
import { canonicalSm3 } from '../formats/canonical';
import { makeFinding, type Finding } from '../formats/findings';

/** The stored revision N−1: its manifest and its candidate digest. */
export type PreviousRevision = { manifest: Candidate; digest: string };

/** The candidate digest of a manifest (FORMATS.md §1): `sm3:` of JCS of candidate.json as received (pass the raw JSON, not the parsed one with defaults). */
export function candidateDigest(rawManifest: unknown): Promise<string> {
  return canonicalSm3(rawManifest);
}

/** `sm3:1a2b3c4d5e6f…` — enough of a digest to tell two apart in a message. */
function short(digest: string): string {
  const [alg, hex] = digest.includes(':') ? [digest.slice(0, digest.indexOf(':')), digest.slice(digest.indexOf(':') + 1)] : ['', digest];
  return `${alg ? `${alg}:` : ''}${hex.slice(0, 16)}${hex.length > 16 ? '…' : ''}`;
}

function bytes(n: number): string {
  return `${n.toLocaleString('en-US')} bytes`;
}

/**
 * `revision.chain-broken` (block) when revision N (> 1) does not name a digest, when revision
 * N−1 is not available to check it against, when the stored revision is not N−1 of the same
 * candidate, or when the digests differ; `revision.changed` (info) for each file added,
 * removed or changed since N−1 (by its manifest digests). Revision 1 has nothing to check.
 */
export function evaluateRevisionRules(current: Candidate, previous: PreviousRevision | null): Finding[] {
  const findings: Finding[] = [];
  const n = current.revision;
  const field = { field: 'previousRevisionDigest' };
  if (n === 1) {
    if (current.previousRevisionDigest !== undefined) {
      findings.push(
        makeFinding('revision.chain-broken', `${current.id} is revision 1 but names a previous revision (previousRevisionDigest ${short(current.previousRevisionDigest)}); a first submission has none. Ask the operator to correct the revision number or the digest.`, field),
      );
    }
    return findings;
  }
  const named = current.previousRevisionDigest;
  if (named === undefined) {
    findings.push(
      makeFinding(
        'revision.chain-broken',
        `Revision ${n} of ${current.id} does not name the digest of revision ${n - 1} (previousRevisionDigest is missing), so it cannot be tied to the revision it replaces. Ask the operator to resubmit with previousRevisionDigest set to the candidate digest of revision ${n - 1}.`,
        field,
      ),
    );
  }
  if (previous === null) {
    findings.push(
      makeFinding(
        'revision.chain-broken',
        `Revision ${n - 1} of ${current.id} is not available in this workspace, so previousRevisionDigest${named ? ` (${short(named)})` : ''} cannot be checked against it and what changed cannot be shown. Import revision ${n - 1} (or give it with --previous) and check again.`,
        field,
      ),
    );
    return findings;
  }
  const { manifest: old } = previous;
  if (old.id !== current.id || old.revision !== n - 1) {
    findings.push(
      makeFinding(
        'revision.chain-broken',
        `The previous revision given is ${old.id} revision ${old.revision}, not ${current.id} revision ${n - 1}: revision ${n} cannot be checked against it. Give revision ${n - 1} of ${current.id}.`,
        field,
      ),
    );
    return findings;
  }
  if (named !== undefined && named !== previous.digest) {
    findings.push(
      makeFinding(
        'revision.chain-broken',
        `previousRevisionDigest (${short(named)}) does not match the candidate digest of the stored revision ${n - 1} (${short(previous.digest)}): revision ${n} was not made from the revision ${n - 1} under review here, or one of them was altered. Ask the operator which revision ${n} replaces.`,
        field,
      ),
    );
  }
  for (const file of compareFiles(old, current)) {
    const location = { file: file.path };
    if (file.status === 'added') {
      findings.push(makeFinding('revision.changed', `"${file.path}" is new in revision ${n} (not in revision ${n - 1}).`, location));
    } else if (file.status === 'removed') {
      findings.push(makeFinding('revision.changed', `"${file.path}" was in revision ${n - 1} and is not in revision ${n}.`, location));
    } else if (file.status === 'changed') {
      const size = file.before!.bytes === file.after!.bytes ? `same size, ${bytes(file.after!.bytes)}` : `${bytes(file.before!.bytes)} → ${bytes(file.after!.bytes)}`;
      findings.push(makeFinding('revision.changed', `"${file.path}" differs from revision ${n - 1} (${size}); the revision diff shows how.`, location));
    }
  }
  return findings;
}
