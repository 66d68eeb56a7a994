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

function bytesZh(n: number): string {
  return `${n.toLocaleString('en-US')} 字节`;
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
        makeFinding('revision.chain-broken', `${current.id} is revision 1 but names a previous revision (previousRevisionDigest ${short(current.previousRevisionDigest)}); a first submission has none. Ask the operator to correct the revision number or the digest.`, field, {
          zh: `${current.id} 为第 1 版，却填写了上一版本摘要（previousRevisionDigest ${short(current.previousRevisionDigest)}）；首次提交不应有上一版本。请经办人更正版本号或摘要。`,
        }),
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
        {
          zh: `${current.id} 第 ${n} 版未填写第 ${n - 1} 版的摘要（缺少 previousRevisionDigest），无法与其所替换的版本相关联。请经办人将 previousRevisionDigest 填为第 ${n - 1} 版的候选包摘要后重新提交。`,
        },
      ),
    );
  }
  if (previous === null) {
    findings.push(
      makeFinding(
        'revision.chain-broken',
        `Revision ${n - 1} of ${current.id} is not available in this workspace, so previousRevisionDigest${named ? ` (${short(named)})` : ''} cannot be checked against it and what changed cannot be shown. Import revision ${n - 1} (or give it with --previous) and check again.`,
        field,
        {
          zh: `本工作区中没有 ${current.id} 的第 ${n - 1} 版，无法核对 previousRevisionDigest${named ? `（${short(named)}）` : ''}，也无法显示变更内容。请导入第 ${n - 1} 版（或用 --previous 指定）后重新检查。`,
        },
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
        { zh: `所给的上一版本是 ${old.id} 第 ${old.revision} 版，而不是 ${current.id} 第 ${n - 1} 版，无法据以核对第 ${n} 版。请提供 ${current.id} 的第 ${n - 1} 版。` },
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
        {
          zh: `previousRevisionDigest（${short(named)}）与本工作区存储的第 ${n - 1} 版候选包摘要（${short(previous.digest)}）不一致：第 ${n} 版并非由此处审核的第 ${n - 1} 版修改而来，或其中一版已被改动。请向经办人核实第 ${n} 版替换的是哪一版。`,
        },
      ),
    );
  }
  for (const file of compareFiles(old, current)) {
    const location = { file: file.path };
    if (file.status === 'added') {
      findings.push(makeFinding('revision.changed', `"${file.path}" is new in revision ${n} (not in revision ${n - 1}).`, location, { zh: `“${file.path}”为第 ${n} 版新增（第 ${n - 1} 版中没有）。` }));
    } else if (file.status === 'removed') {
      findings.push(makeFinding('revision.changed', `"${file.path}" was in revision ${n - 1} and is not in revision ${n}.`, location, { zh: `“${file.path}”在第 ${n - 1} 版中有，第 ${n} 版中已删除。` }));
    } else if (file.status === 'changed') {
      const size = file.before!.bytes === file.after!.bytes ? `same size, ${bytes(file.after!.bytes)}` : `${bytes(file.before!.bytes)} → ${bytes(file.after!.bytes)}`;
      const sizeZh = file.before!.bytes === file.after!.bytes ? `大小相同，均为 ${bytesZh(file.after!.bytes)}` : `${bytesZh(file.before!.bytes)} → ${bytesZh(file.after!.bytes)}`;
      findings.push(
        makeFinding('revision.changed', `"${file.path}" differs from revision ${n - 1} (${size}); the revision diff shows how.`, location, {
          zh: `“${file.path}”与第 ${n - 1} 版不同（${sizeZh}），具体变化见版本对比。`,
        }),
      );
    }
  }
  return findings;
}
