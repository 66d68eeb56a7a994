/**
 * One seal request as its three steps — requested, approved or denied, applied with its ledger
 * number — with who and when at each, the document and its digest, and the action the next step
 * needs when the current user's role allows it (or why not). An applied request's sealed PDF
 * can be saved.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SealRequestItem, SealView } from '../../../../../shared/ipc/schemas/seal';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { CheckIcon, CloseIcon, DownloadIcon, LockIcon, StampIcon } from '../../../app/components/icons';
import { formatDateTime, shortDigest } from '../../../app/format';
import { api } from '../../../app/api';
import { describeThrown, log } from '../../../app/log';
import { reasonText } from '../../decision/decision-model';
import { saveBlob } from '../download';
import { base64ToBytes, downloadName, looksLikePdf, sealSteps, type SealStep } from '../seal-model';

type Props = {
  id: string;
  revision: number;
  request: SealRequestItem;
  can: SealView['can'];
  onApprove: () => void;
  onApply: () => void;
};

export function SealRequestCard({ id, revision, request, can, onApprove, onApply }: Props) {
  const { t, i18n } = useTranslation();
  const reasonId = useId();
  const steps = sealSteps(request);
  const action = request.status === 'requested' ? { permission: can.approve, label: t('seal.approve.open'), onClick: onApprove, testId: 'seal-approve-open' } : request.status === 'approved' ? { permission: can.apply, label: t('seal.apply.open'), onClick: onApply, testId: 'seal-apply-open' } : null;

  return (
    <li className={`seal-request status-${request.status}`} data-testid="seal-request" data-request-id={request.id} data-status={request.status}>
      <header className="seal-request-head">
        <span className="strong">{request.document.name}</span>
        <span className={`seal-request-status status-${request.status}`} data-testid="seal-request-status">
          {t(`seal.requestStatus.${request.status}`)}
        </span>
        <span className="muted small">{t('seal.copies', { count: request.copies })}</span>
      </header>
      <p className="seal-request-reason">
        <span className="muted">{t('seal.reason')}</span> {request.reason}
      </p>
      <ol className="seal-steps">
        {steps.map((step) => (
          <StepItem key={step.step} step={step} />
        ))}
      </ol>
      <p className="seal-request-digest muted small">
        {t('seal.documentDigest')}{' '}
        <code className="mono" title={request.application?.document.digest ?? request.document.digest}>
          {shortDigest(request.application?.document.digest ?? request.document.digest)}
        </code>
      </p>
      <footer className="seal-request-actions">
        {action && (
          <>
            <button type="button" className="button primary small" data-testid={action.testId} disabled={!action.permission.allowed} aria-describedby={action.permission.allowed ? undefined : reasonId} onClick={action.onClick}>
              {request.status === 'approved' ? <StampIcon size={14} /> : <CheckIcon size={14} />}
              {action.label}
            </button>
            {!action.permission.allowed && (
              <span id={reasonId} className="permission-reason" data-testid="seal-action-reason">
                <LockIcon size={13} />
                {reasonText(action.permission, i18n.language)}
              </span>
            )}
          </>
        )}
        {request.application && <SealedPdfButton id={id} revision={revision} application={request.application.id} fileName={request.application.document.name} />}
      </footer>
    </li>
  );
}

function StepItem({ step }: { step: SealStep }) {
  const { t } = useTranslation();
  const label = step.step === 'approval' ? (step.outcome === 'deny' ? t('seal.steps.denied') : t('seal.steps.approval')) : t(`seal.steps.${step.step}`);
  return (
    <li className={`seal-step is-${step.state}`} data-testid="seal-step" data-step={step.step} data-state={step.state}>
      <span className="seal-step-mark" aria-hidden="true">
        {step.state === 'done' ? <CheckIcon size={12} /> : step.state === 'refused' ? <CloseIcon size={12} /> : null}
      </span>
      <span className="seal-step-text">
        <span className="seal-step-label">{label}</span>
        {step.by && (
          <span className="seal-step-who">
            {step.by.name}
            {step.at && <span className="muted tabular"> · {formatDateTime(step.at)}</span>}
          </span>
        )}
        {step.state === 'current' && <span className="muted small">{t(`seal.steps.waiting.${step.step}`)}</span>}
        {step.step === 'approval' && step.comment && <span className="seal-step-comment">{step.comment}</span>}
        {step.step === 'applied' && step.ledgerNo && (
          <span className="seal-ledger-no" data-testid="seal-ledger-no">
            {t('seal.ledgerNo', { no: step.ledgerNo })}
          </span>
        )}
      </span>
    </li>
  );
}

/** Fetches the sealed PDF from main and saves it (a download: Electron opens no new windows). */
function SealedPdfButton({ id, revision, application, fileName }: { id: string; revision: number; application: string; fileName: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const document = await api.invoke('seal:document', { id, revision, application });
      const bytes = base64ToBytes(document.pdfBase64);
      if (!looksLikePdf(bytes)) throw new Error('the sealed document is not a PDF');
      saveBlob(new Blob([bytes], { type: 'application/pdf' }), downloadName(document.name || fileName, 'sealed.pdf'));
    } catch (thrown) {
      log.warn('seal:document failed', { error: describeThrown(thrown) });
      setError(thrown);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button small" data-testid="seal-open-pdf" disabled={busy} onClick={() => void open()}>
        <DownloadIcon size={14} />
        {busy ? t('seal.pdf.opening') : t('seal.pdf.open')}
      </button>
      {error !== null && (
        <span className="field-error" role="alert" data-testid="seal-pdf-error">
          <ErrorMessage error={error} />
        </span>
      )}
    </>
  );
}
