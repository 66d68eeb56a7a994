/**
 * The contract seal (用印) of a candidate's final decision: the seal with its picture and
 * custodians, whether the policy requires it for this outcome, each request with its steps
 * (requested → approved or denied → applied, with the ledger number), and the actions the
 * current user's role allows — Request, Approve/Deny, Apply — each refused with main's reason
 * otherwise. An applied seal's PDF 出域审核意见书 can be saved.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionState } from '../../../../../shared/ipc/schemas/decisions';
import type { SealRequestItem, SealView } from '../../../../../shared/ipc/schemas/seal';
import { Card } from '../../../app/components/Card';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon, LockIcon, StampIcon } from '../../../app/components/icons';
import { translateDynamic } from '../../../app/i18n';
import { useNoticeStore } from '../../../app/store';
import { reasonText } from '../../decision/decision-model';
import { localizeRefusal } from '../../decision/refusal';
import { refreshIdentity } from '../../identity/use-identity';
import { useSealView, type SealControl } from '../use-seal-view';
import { ApplySealDialog } from './ApplySealDialog';
import { ApproveSealDialog } from './ApproveSealDialog';
import { RequestSealDialog } from './RequestSealDialog';
import { SealPicture } from './SealPicture';
import { SealRequestCard } from './SealRequestCard';
import '../seal.css';

type Dialog = { kind: 'request' } | { kind: 'approve'; request: SealRequestItem } | { kind: 'apply'; request: SealRequestItem };

export function SealPanel({ id, revision, decisionState }: { id: string; revision: number; decisionState: DecisionState }) {
  const { t } = useTranslation();
  const control = useSealView(id, revision);
  const view = control.view;

  return (
    <Card title={t('seal.title')} aside={view?.seal?.name} className="seal-card" testId="seal-panel">
      {view === null ? (
        control.status === 'loading' ? (
          <p className="muted" role="status">
            {t('seal.loading')}
          </p>
        ) : (
          <div className="banner banner-error" role="alert" data-testid="seal-error">
            <ErrorIcon />
            <span>
              <strong>{t('seal.loadFailed')}</strong> <ErrorMessage error={control.error} />
            </span>
          </div>
        )
      ) : (
        <SealBody id={id} revision={revision} view={view} control={control} decisionState={decisionState} />
      )}
    </Card>
  );
}

function SealBody({ id, revision, view, control, decisionState }: { id: string; revision: number; view: SealView; control: SealControl; decisionState: DecisionState }) {
  const { t, i18n } = useTranslation();
  const reasonId = useId();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { seal, can } = view;
  // A new request is offered while none is under way and the document is not sealed yet (after a denial, say).
  const offerRequest = view.decision !== null && !view.requests.some((r) => r.status !== 'denied');

  const run = async (action: () => Promise<SealView>, notice: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      useNoticeStore.getState().push('success', { key: notice });
      setDialog(null);
      void refreshIdentity();
    } catch (thrown) {
      setError(localizeRefusal(thrown, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const closeDialog = () => {
    if (!busy) setDialog(null);
  };

  const openDialog = (next: Dialog) => {
    setError(null);
    setDialog(next);
  };

  return (
    <div className="seal-layout" data-testid="seal-body" data-required={view.sealRequired}>
      <div className="seal-identity">
        {seal ? (
          <>
            <SealPicture svg={seal.svg} name={seal.name} />
            <dl className="seal-facts">
              <div>
                <dt>{t('seal.owner')}</dt>
                <dd>{seal.owner}</dd>
              </div>
              <div>
                <dt>{t('seal.custodians')}</dt>
                <dd>{seal.custodians.length === 0 ? t('common.none') : seal.custodians.map((c) => c.name).join(t('identity.roleSeparator'))}</dd>
              </div>
              <div>
                <dt>{t('seal.validity')}</dt>
                <dd className="tabular">{t('seal.validityRange', { from: seal.validStart.slice(0, 10), to: seal.validEnd.slice(0, 10) })}</dd>
              </div>
              <div>
                <dt>{t('seal.esId')}</dt>
                <dd className="mono small">{seal.esID}</dd>
              </div>
            </dl>
          </>
        ) : (
          <p className="muted" data-testid="seal-none">
            {t('seal.noSeal')}
          </p>
        )}
      </div>

      <div className="seal-main">
        <p className="seal-status" data-testid="seal-status">
          <StampIcon size={15} />
          {view.decision === null
            ? t(decisionState === 'first-signed-awaiting-second' ? 'seal.status.awaitingSecond' : decisionState === 'revoked' ? 'seal.status.revoked' : 'seal.status.noFinal')
            : view.sealRequired
              ? t('seal.status.required', { outcome: translateDynamic(`decision.outcomes.${view.decision.outcome}`) })
              : t('seal.status.notRequired', { outcome: translateDynamic(`decision.outcomes.${view.decision.outcome}`) })}
        </p>

        {view.requests.length > 0 && (
          <ol className="seal-requests">
            {view.requests.map((request) => (
              <SealRequestCard
                key={request.id}
                id={id}
                revision={revision}
                request={request}
                can={can}
                onApprove={() => openDialog({ kind: 'approve', request })}
                onApply={() => openDialog({ kind: 'apply', request })}
              />
            ))}
          </ol>
        )}

        {offerRequest && (
          <div className="seal-request-action">
            <button type="button" className="button primary" data-testid="seal-request-open" disabled={!can.request.allowed} aria-describedby={can.request.allowed ? undefined : reasonId} onClick={() => openDialog({ kind: 'request' })}>
              <StampIcon size={14} />
              {view.requests.length === 0 ? t('seal.request.open') : t('seal.request.openAgain')}
            </button>
            {!can.request.allowed && (
              <span id={reasonId} className="permission-reason" data-testid="seal-request-reason">
                <LockIcon size={13} />
                {reasonText(can.request, i18n.language)}
              </span>
            )}
          </div>
        )}
        {error !== null && dialog === null && (
          <div className="banner banner-error" role="alert" data-testid="seal-action-error">
            <ErrorIcon />
            <ErrorMessage error={error} />
          </div>
        )}
      </div>

      {dialog?.kind === 'request' && view.decision && (
        <RequestSealDialog
          outcome={view.decision.outcome}
          sealName={seal?.name ?? ''}
          busy={busy}
          error={error}
          onClose={closeDialog}
          onSubmit={(reason, copies) => void run(() => control.request(reason, copies), 'seal.request.done')}
        />
      )}
      {dialog?.kind === 'approve' && (
        <ApproveSealDialog
          request={dialog.request}
          busy={busy}
          error={error}
          onClose={closeDialog}
          onSubmit={(outcome, comment) => void run(() => control.approve(dialog.request.id, outcome, comment), outcome === 'approve' ? 'seal.approve.approved' : 'seal.approve.denied')}
        />
      )}
      {dialog?.kind === 'apply' && seal && (
        <ApplySealDialog request={dialog.request} seal={seal} busy={busy} error={error} onClose={closeDialog} onSubmit={() => void run(() => control.apply(dialog.request.id), 'seal.apply.done')} />
      )}
    </div>
  );
}
