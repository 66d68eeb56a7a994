/**
 * The authorization rules of RULES.md (§4(4), §5(3)–(5)): the candidate's agreement is the
 * policy's, the evaluation date lies in both authorization periods, neither period runs longer
 * than `maxAuthorizationYears`, the scenario and its recipient are approved, and province
 * backflow and social sources carry an approvalRef the policy accepts. Pure: manifest, policy
 * and date in, findings out.
 */
import type { Candidate } from '../../formats/candidate';
import { makeFinding, sortFindings, type Finding } from '../../formats/findings';
import { MAX_AUTHORIZATION_YEARS, type Policy } from '../../formats/policy';
import { checkAsOf, type PolicyEvaluationOptions } from './options';
import { isWithin, lastDayOfPeriod } from './period';

/** Where the policy's own authorization is located: not a manifest path, so it says `policy.`. */
const POLICY_PERIOD = 'policy.authorization';

/** Evaluates `authz.*`, `scenario.*` and `source.*` for a candidate against its policy on `options.asOf`. */
export function evaluateAuthorization(manifest: Candidate, policy: Policy, options: Pick<PolicyEvaluationOptions, 'asOf'>): Finding[] {
  checkAsOf(options.asOf);
  return sortFindings([...agreement(manifest, policy), ...periods(manifest, policy, options.asOf), ...scenario(manifest, policy), ...sources(manifest, policy)]);
}

function agreement(manifest: Candidate, policy: Policy): Finding[] {
  const declared = manifest.authorization.agreementId;
  if (declared === policy.agreementId) return [];
  return [
    makeFinding(
      'authz.agreement-mismatch',
      `The candidate declares authorization agreement "${declared}", but policy ${policy.id} v${policy.version} is issued for agreement "${policy.agreementId}"; it can only be reviewed against the policy of its own agreement.`,
      { field: 'authorization.agreementId' },
      {
        zh: `候选包声明的授权协议为“${declared}”，而策略 ${policy.id} 第 ${policy.version} 版是依据协议“${policy.agreementId}”制定的；候选包只能按其所属协议的策略审核。`,
      },
    ),
  ];
}

function periods(manifest: Candidate, policy: Policy, asOf: string): Finding[] {
  const findings: Finding[] = [];
  // The schema caps the policy's value at the §4(4) maximum; the min keeps that true for any caller.
  const years = Math.min(policy.maxAuthorizationYears, MAX_AUTHORIZATION_YEARS);
  const checks = [
    { whose: "The candidate's authorization", whoseZh: '候选包的授权', period: manifest.authorization, at: 'authorization' },
    { whose: `The authorization of policy ${policy.id} v${policy.version}`, whoseZh: `策略 ${policy.id} 第 ${policy.version} 版的授权`, period: policy.authorization, at: POLICY_PERIOD },
  ];
  for (const { whose, whoseZh, period, at } of checks) {
    const { validFrom, validTo } = period;
    if (!isWithin(asOf, validFrom, validTo)) {
      const when = asOf < validFrom ? `starts only on ${validFrom}` : `ended on ${validTo}`;
      const whenZh = asOf < validFrom ? `自 ${validFrom} 起才生效` : `已于 ${validTo} 到期`;
      findings.push(
        makeFinding(
          'authz.expired',
          `${whose} runs from ${validFrom} to ${validTo} and ${when}; on ${asOf} nothing may be exported under it.`,
          { field: `${at}.${asOf < validFrom ? 'validFrom' : 'validTo'}` },
          { zh: `${whoseZh}有效期为 ${validFrom} 至 ${validTo}，${whenZh}；${asOf} 不得依据该授权出域任何数据。` },
        ),
      );
    }
    const last = lastDayOfPeriod(validFrom, years);
    if (validTo > last) {
      findings.push(
        makeFinding(
          'authz.period-too-long',
          `${whose} runs from ${validFrom} to ${validTo}, longer than ${years} year${years === 1 ? '' : 's'}; the policy allows at most ${years} (§4(4)), i.e. to ${last}.`,
          { field: `${at}.validTo` },
          { zh: `${whoseZh}有效期为 ${validFrom} 至 ${validTo}，超过 ${years} 年；策略允许的最长期限为 ${years} 年（§4(4)），即至 ${last}。` },
        ),
      );
    }
  }
  return findings;
}

function scenario(manifest: Candidate, policy: Policy): Finding[] {
  const id = manifest.scenario.id;
  const approved = policy.scenarios.find((s) => s.id === id);
  if (!approved) {
    return [
      makeFinding(
        'scenario.not-approved',
        `Scenario "${id}" (${manifest.scenario.name}) is not approved by policy ${policy.id}; it approves ${policy.scenarios.map((s) => `"${s.id}" (${s.name})`).join(', ')}.`,
        { field: 'scenario.id' },
        {
          zh: `场景“${id}”（${manifest.scenario.name}）未经策略 ${policy.id} 批准；策略批准的场景为 ${policy.scenarios.map((s) => `“${s.id}”（${s.name}）`).join('、')}。`,
        },
      ),
    ];
  }
  const code = manifest.recipient.creditCode;
  if (approved.recipients.includes(code)) return [];
  return [
    makeFinding(
      'scenario.recipient-not-approved',
      `Recipient ${manifest.recipient.name} (${code}) is not approved for scenario "${id}"; the policy approves ${approved.recipients.join(', ')}.`,
      { field: 'recipient.creditCode' },
      { zh: `数据接收方 ${manifest.recipient.name}（${code}）未获准用于场景“${id}”；策略批准的接收方为 ${approved.recipients.join('、')}。` },
    ),
  ];
}

function sources(manifest: Candidate, policy: Policy): Finding[] {
  const findings: Finding[] = [];
  manifest.sources.forEach((source, index) => {
    const kinds = [
      {
        on: source.backflow,
        rule: 'source.backflow-unapproved',
        what: 'province data flowing back (backflow)',
        whatZh: '省级回流数据',
        who: "the provincial authority's consent",
        whoZh: '省级主管部门同意',
        accepted: policy.approvedSources.backflow,
      },
      { on: source.social, rule: 'source.social-unapproved', what: 'social (non-public) data', whatZh: '社会数据（非公共数据）', who: "the authority's approval", whoZh: '主管部门批准', accepted: policy.approvedSources.social },
    ] as const;
    for (const kind of kinds) {
      if (!kind.on) continue;
      const ref = source.approvalRef;
      if (ref !== null && kind.accepted.includes(ref)) continue;
      const label = `Source "${source.datasetId}" (${source.name}, ${source.provider})`;
      const problem = ref === null ? 'has no approvalRef' : `cites approvalRef "${ref}", which the policy does not accept`;
      const allows = kind.accepted.length === 0 ? 'the policy accepts none' : `the policy accepts ${kind.accepted.join(', ')}`;
      const labelZh = `数据来源“${source.datasetId}”（${source.name}，${source.provider}）`;
      const problemZh = ref === null ? '未填写批准文号（approvalRef）' : `所引批准文号“${ref}”不被策略认可`;
      const allowsZh = kind.accepted.length === 0 ? '策略未认可任何批准文号' : `策略认可的批准文号为 ${kind.accepted.join('、')}`;
      findings.push(
        makeFinding(kind.rule, `${label} is ${kind.what} and ${problem}; it needs ${kind.who} (${allows}).`, { field: `sources[${index}].approvalRef` }, {
          zh: `${labelZh}属于${kind.whatZh}，${problemZh}；须经${kind.whoZh}（${allowsZh}）。`,
        }),
      );
    }
  });
  return findings;
}
