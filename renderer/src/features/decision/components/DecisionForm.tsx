/**
 * The decision form: outcome (approvals unavailable, with the reason, while a blocking finding
 * stands), scenario and recipient prefilled from the candidate (editable; main refuses a
 * mismatch), conditions for an approval with conditions, the comment with why it is required,
 * the acknowledged findings and the digests the signature pins. It signs a second review when
 * main says this user may give one. The Sign button says why it is disabled; success is shown
 * only once main has answered, which it does after the record is on disk.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionOutcome } from '../../../../../shared/formats/policy';
import type { DecisionView } from '../../../../../shared/ipc/schemas/decisions';
import { Card } from '../../../app/components/Card';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { CheckIcon, ErrorIcon, InfoIcon, LockIcon, SignIcon, WarningIcon } from '../../../app/components/icons';
import { describeError } from '../../../app/errors';
import { translateDynamic } from '../../../app/i18n';
import { describeThrown, log } from '../../../app/log';
import { useNoticeStore } from '../../../app/store';
import { refreshIdentity } from '../../identity/use-identity';
import { currentUserId, useIdentityStore } from '../../identity/store';
import { candidateKey } from '../../preview/store';
import { checkDecision, commentRule, initialDraft, MAX_COMMENT, OUTCOMES, outcomeAvailability, signingRole, signPermission, signRefusals, type DecisionDraft, type DecisionProblem } from '../decision-model';
import { draftKey, useDecisionStore } from '../store';
import { localizeRefusal } from '../refusal';
import type { DecisionControl } from '../use-decision-view';
import { ConditionsEditor } from './ConditionsEditor';
import { PinnedDigests } from './PinnedDigests';


type Signed = { outcome: DecisionOutcome; role: 'reviewer' | 'second-reviewer'; state: DecisionView['state'] };

export function DecisionForm({ view, control }: { view: DecisionView; control: DecisionControl }) {
  const { t, i18n } = useTranslation();
  const ids = { reason: useId(), comment: useId(), commentRule: useId(), scenario: useId(), recipientName: useId(), recipientCode: useId(), problems: useId() };
  const candidate = candidateKey(view.candidate.id, view.candidate.revision);
  const userId = useIdentityStore((s) => currentUserId(s.status));
  const key = draftKey(candidate, userId);
  const stored = useDecisionStore((s) => s.drafts[key]);
  const setDraftIn = useDecisionStore((s) => s.setDraft);
  const clearDraft = useDecisionStore((s) => s.clearDraft);
  const request = useDecisionStore((s) => (s.request?.candidate === candidate ? s.request : null));
  const clearRequest = useDecisionStore((s) => s.clearRequest);
  const draft = stored ?? initialDraft(view);
  const setDraft = (patch: Partial<DecisionDraft>) => setDraftIn(key, { ...draft, ...patch });

  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<DecisionProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [signed, setSigned] = useState<Signed | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const availability = outcomeAvailability(view);
  const permission = signPermission(view);
  const role = signingRole(view);
  const rule = commentRule(draft.outcome, view);
  const refusals = signRefusals(view, i18n.language);

  // The risk summary's Approve asks for the form with an approval chosen.
  useEffect(() => {
    if (!request) return;
    clearRequest(request.seq);
    if (availability[request.outcome] === null && permission.allowed) {
      setDraftIn(key, { ...(useDecisionStore.getState().drafts[key] ?? initialDraft(view)), outcome: request.outcome });
    }
    const form = formRef.current;
    form?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    form?.querySelector<HTMLInputElement>('input[name="outcome"]:checked, input[name="outcome"]:not(:disabled)')?.focus();
  }, [request, clearRequest, availability, permission.allowed, setDraftIn, key, view]);

  const problemOf = (field: DecisionProblem['field']) => problems.find((p) => p.field === field) ?? null;
  const clearProblems = (field: DecisionProblem['field']) => {
    if (problems.some((p) => p.field === field || (field === 'conditions' && p.field === 'condition'))) {
      setProblems(problems.filter((p) => p.field !== field && !(field === 'conditions' && p.field === 'condition')));
    }
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !permission.allowed) return;
    const check = checkDecision(draft, view);
    if (!check.ok) {
      setProblems(check.problems);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setProblems([]);
    setError(null);
    setSigned(null);
    try {
      const next = await control.sign(check.request);
      clearDraft(key);
      setSigned({ outcome: check.request.outcome, role: check.request.role, state: next.state });
      useNoticeStore.getState().push('success', { key: check.request.role === 'second-reviewer' ? 'decision.signedSecondNotice' : 'decision.signedNotice' });
      // Signing counts as activity: main may have moved the auto-lock time.
      void refreshIdentity();
    } catch (thrown) {
      log.warn('decision:sign failed', { code: describeError(thrown).code, error: describeThrown(thrown) });
      setError(localizeRefusal(thrown, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const title = role === 'second-reviewer' ? t('decision.form.titleSecond') : t('decision.form.title');

  return (
    <Card title={title} className="decision-form-card" testId="decision-form-card">
      {signed && (
        <div className="banner banner-success" role="status" data-testid="decision-signed" data-state={signed.state}>
          <CheckIcon size={16} />
          <div>
            <strong>{t(signed.role === 'second-reviewer' ? 'decision.signed.second' : 'decision.signed.first', { outcome: t(`decision.outcomes.${signed.outcome}`) })}</strong>
            <p>{t(`decision.signed.after.${signed.state}`)}</p>
          </div>
        </div>
      )}
      {!permission.allowed ? (
        // Nothing to fill in when this user cannot sign now: the reason, beside the disabled button.
        <div className="decision-closed" data-testid="decision-closed" data-state={view.state}>
          <span id={ids.reason} className="decision-sign-reason" data-testid="decision-sign-reason">
            <LockIcon size={14} />
            <span className="decision-sign-reason-text">
              {refusals.map((reason) => (
                <span key={reason}>{reason}</span>
              ))}
            </span>
          </span>
          <button type="button" className="button primary" data-testid="decision-sign" disabled aria-describedby={ids.reason}>
            <SignIcon size={14} />
            {role === 'second-reviewer' ? t('decision.form.signSecond') : t('decision.form.sign')}
          </button>
        </div>
      ) : (
        <form ref={formRef} className="decision-form" data-testid="decision-form" data-role={role} onSubmit={(event) => void submit(event)} noValidate>
          {role === 'second-reviewer' && (
            <div className="banner banner-info" data-testid="decision-second-note">
              <InfoIcon size={16} />
              <span>{t('decision.form.secondNote')}</span>
            </div>
          )}
          <fieldset className="decision-fields" disabled={busy}>
            <fieldset className="outcome-group" aria-invalid={problemOf('outcome') !== null}>
              <legend className="field-label">
                {t('decision.form.outcome')} <span className="required-mark">{t('decision.form.required')}</span>
              </legend>
              <div className="outcome-options" role="radiogroup" aria-label={t('decision.form.outcome')}>
                {OUTCOMES.map((outcome) => {
                  const blocked = availability[outcome];
                  return (
                    <label key={outcome} className={`outcome-option outcome-${outcome}${draft.outcome === outcome ? ' is-selected' : ''}${blocked ? ' is-disabled' : ''}`} data-testid="decision-outcome-option" data-outcome={outcome} title={blocked ? t(`decision.form.approvalBlocked.${blocked}`, { count: view.findings?.block ?? 0 }) : undefined}>
                      <input
                        type="radio"
                        name="outcome"
                        value={outcome}
                        checked={draft.outcome === outcome}
                        disabled={blocked !== null}
                        aria-invalid={problemOf('outcome') !== null}
                        onChange={() => {
                          setDraft({ outcome, conditions: outcome === 'approve-with-conditions' && draft.conditions.length === 0 ? [''] : draft.conditions });
                          clearProblems('outcome');
                        }}
                      />
                      <span className="outcome-option-text">
                        <span className="outcome-option-name">{t(`decision.outcomes.${outcome}`)}</span>
                        <span className="outcome-option-help">{t(`decision.outcomeHelp.${outcome}`)}</span>
                      </span>
                    </label>
                  );
                })}
              </div>
              {availability.approve !== null && (
                <p className="outcome-blocked" data-testid="decision-approval-blocked" data-reason={availability.approve}>
                  <LockIcon size={13} />
                  {t(`decision.form.approvalBlocked.${availability.approve}`, { count: view.findings?.block ?? 0 })}
                </p>
              )}
              <FieldError problem={problemOf('outcome')} count={view.findings?.block ?? 0} />
            </fieldset>

            <div className="decision-grid">
              <div className="field">
                <label className="field-label" htmlFor={ids.scenario}>
                  {t('decision.form.scenario')}
                </label>
                <input
                  id={ids.scenario}
                  className="text-input mono"
                  data-testid="decision-scenario"
                  value={draft.scenarioId}
                  maxLength={120}
                  aria-invalid={problemOf('scenarioId') !== null}
                  aria-describedby={`${ids.scenario}-help`}
                  onChange={(event) => {
                    setDraft({ scenarioId: event.target.value });
                    clearProblems('scenarioId');
                  }}
                />
                <span id={`${ids.scenario}-help`} className="muted small">
                  {draft.scenarioId.trim() === view.scenario.id ? t('decision.form.scenarioHelp', { name: view.scenario.name }) : <Mismatch text={t('decision.form.scenarioMismatch', { id: view.scenario.id, name: view.scenario.name })} />}
                </span>
                <FieldError problem={problemOf('scenarioId')} />
              </div>
              <div className="field">
                <label className="field-label" htmlFor={ids.recipientName}>
                  {t('decision.form.recipientName')}
                </label>
                <input
                  id={ids.recipientName}
                  className="text-input"
                  data-testid="decision-recipient-name"
                  value={draft.recipientName}
                  maxLength={220}
                  aria-invalid={problemOf('recipientName') !== null}
                  onChange={(event) => {
                    setDraft({ recipientName: event.target.value });
                    clearProblems('recipientName');
                  }}
                />
                {draft.recipientName.trim() !== view.recipient.name && <Mismatch text={t('decision.form.recipientMismatch', { name: view.recipient.name })} />}
                <FieldError problem={problemOf('recipientName')} />
              </div>
              <div className="field">
                <label className="field-label" htmlFor={ids.recipientCode}>
                  {t('decision.form.recipientCreditCode')}
                </label>
                <input
                  id={ids.recipientCode}
                  className="text-input mono"
                  data-testid="decision-recipient-code"
                  value={draft.recipientCreditCode}
                  maxLength={18}
                  spellCheck={false}
                  aria-invalid={problemOf('recipientCreditCode') !== null}
                  onChange={(event) => {
                    setDraft({ recipientCreditCode: event.target.value });
                    clearProblems('recipientCreditCode');
                  }}
                />
                {draft.recipientCreditCode.trim().toUpperCase() !== view.recipient.creditCode && <Mismatch text={t('decision.form.recipientCodeMismatch', { code: view.recipient.creditCode })} />}
                <FieldError problem={problemOf('recipientCreditCode')} />
              </div>
            </div>

            {draft.outcome === 'approve-with-conditions' && (
              <ConditionsEditor
                conditions={draft.conditions}
                problems={problems}
                onChange={(conditions) => {
                  setDraft({ conditions });
                  clearProblems('conditions');
                }}
              />
            )}

            <div className="field">
              <span className="field-label-row">
                <label className="field-label" htmlFor={ids.comment}>
                  {t('decision.form.comment')}
                </label>
                <span id={ids.commentRule} className={`comment-rule${rule === 'optional' ? ' muted' : ' is-required'}`} data-testid="decision-comment-rule" data-rule={rule}>
                  {t(`decision.form.commentRule.${rule}`, { count: view.findings?.acknowledged.length ?? 0 })}
                </span>
              </span>
              <textarea
                id={ids.comment}
                className="text-input text-area"
                data-testid="decision-comment"
                rows={4}
                maxLength={MAX_COMMENT + 200}
                value={draft.comment}
                placeholder={t('decision.form.commentPlaceholder')}
                aria-invalid={problemOf('comment') !== null}
                aria-describedby={ids.commentRule}
                aria-required={rule !== 'optional'}
                onChange={(event) => {
                  setDraft({ comment: event.target.value });
                  clearProblems('comment');
                }}
              />
              <FieldError problem={problemOf('comment')} count={view.findings?.acknowledged.length ?? 0} />
            </div>

            {view.findings && view.findings.acknowledged.length > 0 && (
              <div className="decision-acknowledged-block" data-testid="decision-form-acknowledged">
                <span className="field-label">{t('decision.form.acknowledged', { count: view.findings.acknowledged.length })}</span>
                <ul className="decision-acknowledged">
                  {view.findings.acknowledged.map((a) => (
                    <li key={a.rule}>
                      <code className="rule-id">{a.rule}</code> {a.justification}
                    </li>
                  ))}
                </ul>
              </div>
            )}

            <PinnedDigests view={view} />
            <FieldError problem={problemOf('findings')} />
          </fieldset>

          {error !== null && (
            <div className="banner banner-error" role="alert" data-testid="decision-sign-error">
              <ErrorIcon />
              <span>
                <strong>{t('decision.form.signFailed')}</strong> <ErrorMessage error={error} />
              </span>
            </div>
          )}
          {problems.length > 0 && (
            <p id={ids.problems} className="field-error" role="alert" data-testid="decision-validation">
              {t('decision.form.fixProblems', { count: problems.length })}
            </p>
          )}

          <footer className="decision-form-foot">
            {draft.outcome !== null && view.secondReviewRequired && role === 'reviewer' && (
              <span className="muted small decision-sign-note" data-testid="decision-second-required-note">
                {t('decision.form.secondRequiredNote')}
              </span>
            )}
            <button type="submit" className="button primary" data-testid="decision-sign" disabled={busy}>
              <SignIcon size={14} />
              {busy ? t('decision.form.signing') : role === 'second-reviewer' ? t('decision.form.signSecond') : t('decision.form.sign')}
            </button>
          </footer>
        </form>
      )}
    </Card>
  );
}

function Mismatch({ text }: { text: string }) {
  return (
    <span className="field-warning" data-testid="decision-mismatch">
      <WarningIcon size={12} />
      {text}
    </span>
  );
}

function FieldError({ problem, count = 0 }: { problem: DecisionProblem | null; count?: number }) {
  // Re-render on a language change: translateDynamic reads the i18n instance directly.
  useTranslation();
  if (problem === null) return null;
  return (
    <span className="field-error" data-testid="decision-field-error" data-field={problem.field} data-problem={problem.problem}>
      {translateDynamic(`decision.problems.${problem.field}.${problem.problem}`, { count })}
    </span>
  );
}
