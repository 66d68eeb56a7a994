/**
 * The answer of every role rule: allowed, or refused with a reason a person can act on, in
 * English (logs, CLI) and Chinese (the UI's default language).
 */
import type { CredentialRole } from '../formats/policy';

export type Permission = { allowed: true } | { allowed: false; reason: string; reasonZh: string };

/** Who is acting: a user as a verified, currently valid credential names them. */
export type Actor = { id: string; name: string; roles: readonly CredentialRole[] };

export const ALLOWED: Permission = Object.freeze({ allowed: true });

export function refuse(reason: string, reasonZh: string): Permission {
  return { allowed: false, reason, reasonZh };
}

/** Role names in Chinese, for refusals. */
export const ROLE_ZH: Record<CredentialRole, string> = {
  reviewer: '审核员',
  'second-reviewer': '复核人',
  expert: '专家',
  'seal-approver': '用印审批人',
  'seal-custodian': '印章管理员',
  auditor: '审计员',
};
