/**
 * For the tests of every producer of evidence: what is wrong with a finding's Chinese evidence —
 * a missing `evidenceZh`, a line too many or too few, or a line that does not disclose exactly
 * the digits and masked values of its English line. An empty list is a finding in order.
 */
import { sameDisclosure, type Finding } from './findings';

export function evidenceZhProblems(finding: Pick<Finding, 'rule' | 'evidence' | 'evidenceZh'>): string[] {
  if (finding.evidence.length === 0) return finding.evidenceZh === undefined || finding.evidenceZh.length === 0 ? [] : [`${finding.rule}: Chinese evidence without English evidence`];
  const zh = finding.evidenceZh;
  if (zh === undefined) return [`${finding.rule}: no evidenceZh for ${JSON.stringify(finding.evidence)}`];
  if (zh.length !== finding.evidence.length) return [`${finding.rule}: ${zh.length} Chinese lines for ${finding.evidence.length} English lines`];
  return finding.evidence.flatMap((en, i) => (sameDisclosure(en, zh[i]!) ? [] : [`${finding.rule}: "${zh[i]!}" does not disclose exactly what "${en}" does`]));
}
