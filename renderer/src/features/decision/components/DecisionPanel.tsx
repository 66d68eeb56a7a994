/**
 * The Decision tab of a candidate: where the review stands (a banner), the decisions signed so
 * far — a second reviewer sees a first decision's outcome only after signing their own — the
 * form to sign one (or the second review), revocation of an approval, and below them the seal
 * workflow of the final decision.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon, RefreshIcon, UserIcon } from '../../../app/components/icons';
import { useNoticeStore } from '../../../app/store';
import { wantsFirstRun } from '../../identity/identity-model';
import { currentUserId, useIdentityStore } from '../../identity/store';
import { SealPanel } from '../../seal/components/SealPanel';
import { revocableApprovals } from '../decision-model';
import { localizeRefusal } from '../refusal';
import { useDecisionView } from '../use-decision-view';
import { DecisionForm } from './DecisionForm';
import { DecisionList } from './DecisionList';
import { DecisionStateBanner } from './DecisionStateBanner';
import { RevokeDialog } from './RevokeDialog';
import '../decision.css';

export function DecisionPanel({ id, revision }: { id: string; revision: number }) {
  const { t, i18n } = useTranslation();
  const control = useDecisionView(id, revision);
  const userId = useIdentityStore((s) => currentUserId(s.status));
  const notSetUp = useIdentityStore((s) => wantsFirstRun(s.status));

  // The first time a signature is wanted on a workstation without users, offer the demo first run
  // (once: "Later" puts it off for the session; the banner below and the header offer it again).
  useEffect(() => {
    const identity = useIdentityStore.getState();
    if (notSetUp && !identity.firstRunDeferred) identity.openFirstRun();
  }, [notSetUp]);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const view = control.view;

  if (view === null) {
    return (
      <div className="decision-panel" data-testid="decision-panel" data-status={control.status}>
        {control.status === 'loading' ? (
          <p className="muted" role="status">
            {t('decision.loading')}
          </p>
        ) : (
          <div className="banner banner-error" role="alert" data-testid="decision-error">
            <ErrorIcon />
            <span>
              <strong>{t('decision.loadFailed')}</strong> <ErrorMessage error={control.error} />
            </span>
            <button type="button" className="button small" onClick={control.reload}>
              <RefreshIcon size={14} />
              {t('app.retry')}
            </button>
          </div>
        )}
      </div>
    );
  }

  const revocable = view.can.revoke.allowed ? revocableApprovals(view.decisions) : [];
  const target = revoking === null ? null : (view.decisions.find((d) => d.id === revoking) ?? null);

  const revoke = async (reason: string) => {
    if (revoking === null) return;
    setRevokeBusy(true);
    setRevokeError(null);
    try {
      await control.revoke(revoking, reason);
      useNoticeStore.getState().push('success', { key: 'decision.revoke.done' });
      setRevoking(null);
    } catch (error) {
      setRevokeError(localizeRefusal(error, i18n.language));
    } finally {
      setRevokeBusy(false);
    }
  };

  return (
    <div className="decision-panel" data-testid="decision-panel" data-status={control.status} data-state={view.state}>
      {control.status === 'failed' && (
        <div className="banner banner-error" role="alert" data-testid="decision-error">
          <ErrorIcon />
          <ErrorMessage error={control.error} />
        </div>
      )}
      {notSetUp && (
        <div className="banner banner-info decision-no-users" data-testid="decision-no-users">
          <UserIcon size={16} />
          <span>{t('decision.noUsers')}</span>
          <button type="button" className="button small" onClick={() => useIdentityStore.getState().openFirstRun()}>
            {t('identity.setUpDemo')}
          </button>
        </div>
      )}
      <DecisionStateBanner view={view} />
      <div className="decision-columns">
        <div className="decision-main">
          {/* Keyed by the user too: what one user just signed (the success message says the outcome) is never shown to the next one. */}
          <DecisionForm key={`${view.candidate.id}@${view.candidate.revision}\u0000${userId ?? ''}`} view={view} control={control} />
        </div>
        <div className="decision-side">
          <DecisionList
            view={view}
            revocable={new Set(revocable.map((d) => d.id))}
            onRevoke={(decisionId) => {
              setRevokeError(null);
              setRevoking(decisionId);
            }}
          />
        </div>
      </div>
      <SealPanel id={id} revision={revision} decisionState={view.state} />
      {target !== null && (
        <RevokeDialog
          decision={target}
          busy={revokeBusy}
          error={revokeError}
          onSubmit={(reason) => void revoke(reason)}
          onClose={() => {
            if (!revokeBusy) setRevoking(null);
          }}
        />
      )}
    </div>
  );
}
