/**
 * The page of one candidate revision: the header, the risk summary (findings by severity and
 * the approval gate), and three tabs. Overview: who submits what, under which authorization,
 * for which scenario and recipient, from which sources, and every file with its verified
 * digests. Preview: the masked files (features/preview). Diff: the candidate against the
 * policy (features/diff). Decision: the signed decisions and the seal (features/decision,
 * features/seal), which the risk summary's Approve opens. Beside Preview and Diff, the findings panel: clicking a finding (or
 * `n`/`p`) shows its location in one or the other, so a reviewer works through the findings
 * without losing the list. Opening the page starts the scan in the background when it has
 * never run. Escape or Backspace (outside a text field) goes back to the queue; `d` switches
 * between Preview and Diff; `?` lists the shortcuts.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail } from '../../../../../shared/ipc/schemas/candidates';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { BackIcon, ErrorIcon, KeyboardIcon, WarningIcon } from '../../../app/components/icons';
import { StatusBadge } from '../../../app/components/StatusBadge';
import { formatBytes, formatDateTime, localDate } from '../../../app/format';
import { useNavigationStore } from '../../../app/store';
import { useQueueRecord } from '../../../db/candidates';
import { useCandidateDetail } from '../use-candidate-detail';
import { Card, Fields } from '../../../app/components/Card';
import { FilesTable } from './FilesTable';
import { SourcesTable } from './SourcesTable';
import { ValidityBadge } from './ValidityBadge';
import { PreviewPanel } from '../../preview/components/PreviewPanel';
import { candidateKey, usePreviewStore, type CandidateTab } from '../../preview/store';
import { useScan, type ScanControl } from '../../preview/use-scan';
import { DiffPanel } from '../../diff/components/DiffPanel';
import { FindingsPane } from '../../findings/components/FindingsPane';
import { RiskSummary } from '../../findings/components/RiskSummary';
import { ShortcutsDialog } from '../../findings/components/ShortcutsDialog';
import { groupFindings, orderedItems } from '../../findings/findings-model';
import { isEditable, useReviewKeys, type ReviewKeyAction } from '../../findings/review-keys';
import { useFindingNavigation } from '../../findings/use-finding-navigation';
import { useFindings } from '../../findings/use-findings';
import { CandidateTabs } from './CandidateTabs';
import { DecisionPanel } from '../../decision/components/DecisionPanel';
import { useDecisionStore } from '../../decision/store';

function useBackKeys(goBack: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== 'Escape' && event.key !== 'Backspace') return;
      if (isEditable(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      goBack();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [goBack]);
}

export function CandidateOverview({ id, revision }: { id: string; revision: number }) {
  const { t } = useTranslation();
  const goToQueue = useNavigationStore((s) => s.goToQueue);
  const state = useCandidateDetail(id, revision);
  const scan = useScan(id, revision, { autoStart: true });
  const tab = usePreviewStore((s) => s.tabs[candidateKey(id, revision)] ?? 'overview');
  useBackKeys(goToQueue);

  return (
    <section
      className={(tab === 'preview' || tab === 'diff') && state.status === 'ready' ? 'view candidate-view is-preview' : 'view candidate-view'}
      data-testid="candidate-overview"
      data-candidate-id={id}
      data-revision={revision}
      data-tab={tab}
      aria-busy={state.status === 'loading'}
    >
      <div className="candidate-topline">
        <button type="button" className="button ghost small" data-testid="overview-back" onClick={goToQueue} title={t('candidate.backHint')}>
          <BackIcon size={14} />
          {t('candidate.back')}
        </button>
        <span className="muted small">{t('candidate.backHint')}</span>
      </div>
      {state.status === 'loading' && <p className="muted">{t('candidate.loading')}</p>}
      {state.status === 'failed' && (
        <div className="banner banner-error" role="alert" data-testid="overview-error">
          <ErrorIcon />
          <span>
            <strong>{t('candidate.loadFailed')}</strong> <ErrorMessage error={state.error} />
          </span>
        </div>
      )}
      {state.status === 'ready' && <CandidateBody detail={state.detail} tab={tab} scan={scan} />}
    </section>
  );
}

function CandidateBody({ detail, tab, scan }: { detail: CandidateDetail; tab: CandidateTab; scan: ScanControl }) {
  const { id, revision } = detail.summary;
  const key = candidateKey(id, revision);
  const setTab = usePreviewStore((s) => s.setTab);
  const findings = useFindings(id, revision, scan.progress?.state);
  const groups = useMemo(() => groupFindings(findings.view?.items ?? []), [findings.view]);
  const ordered = useMemo(() => orderedItems(groups), [groups]);
  const { go, step } = useFindingNavigation(id, revision);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  const onStep = useCallback((direction: 1 | -1) => step(ordered, direction), [step, ordered]);
  useReviewKeys((action: ReviewKeyAction) => {
    switch (action) {
      case 'next':
        onStep(1);
        break;
      case 'previous':
        onStep(-1);
        break;
      case 'toggle-diff':
        setTab(key, tab === 'diff' ? 'preview' : 'diff');
        break;
      case 'help':
        setShortcutsOpen(true);
        break;
    }
  });

  // The risk summary's Approve (enabled only when no blocking finding stands) opens the decision form.
  const requestForm = useDecisionStore((s) => s.requestForm);
  const onApprove = () => {
    requestForm(key, 'approve');
    setTab(key, 'decision');
  };

  const first = ordered[0];
  return (
    <>
      <CandidateHeader detail={detail} onShortcuts={() => setShortcutsOpen(true)} />
      <RiskSummary findings={findings} onReview={first ? () => go(first) : null} onApprove={onApprove} />
      <CandidateTabs tab={tab} scanState={scan.progress?.state} onChange={(next) => setTab(key, next)} />
      {tab === 'overview' ? (
        <div className="tab-panel overview-panel" role="tabpanel" id="candidate-panel-overview" aria-labelledby="candidate-tab-overview">
          <OverviewBody detail={detail} />
        </div>
      ) : tab === 'decision' ? (
        <div className="tab-panel decision-tab-panel" role="tabpanel" id="candidate-panel-decision" aria-labelledby="candidate-tab-decision">
          <DecisionPanel id={id} revision={revision} />
        </div>
      ) : (
        <div className="candidate-workspace">
          {tab === 'preview' ? (
            <div className="tab-panel preview-tab-panel" role="tabpanel" id="candidate-panel-preview" aria-labelledby="candidate-tab-preview">
              <PreviewPanel id={id} revision={revision} scan={scan} />
            </div>
          ) : (
            <div className="tab-panel preview-tab-panel diff-tab-panel" role="tabpanel" id="candidate-panel-diff" aria-labelledby="candidate-tab-diff">
              <DiffPanel id={id} revision={revision} />
            </div>
          )}
          <FindingsPane id={id} revision={revision} findings={findings} scan={scan} groups={groups} ordered={ordered} onGo={go} onStep={onStep} />
        </div>
      )}
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
    </>
  );
}

function CandidateHeader({ detail, onShortcuts }: { detail: CandidateDetail; onShortcuts: () => void }) {
  const { t } = useTranslation();
  const { manifest, summary, source } = detail;
  const record = useQueueRecord(summary.id, summary.revision);
  return (
    <header className="candidate-header">
      <div className="candidate-title-row">
        <h1 data-testid="overview-product-name">{manifest.product.name}</h1>
        <button type="button" className="button ghost small" data-testid="shortcuts-open" title={t('shortcuts.openTitle')} onClick={onShortcuts}>
          <KeyboardIcon size={15} />
          {t('shortcuts.open')}
          <kbd>?</kbd>
        </button>
      </div>
      <div className="meta-line">
        <span className="mono strong">{manifest.id}</span>
        <span className="revision-chip">{t('queue.revision', { revision: manifest.revision })}</span>
        <span className="meta-sep" aria-hidden="true" />
        <span className="kind-chip">{t(`kinds.${manifest.product.kind}`)}</span>
        <StatusBadge status={record?.status ?? 'in-review'} />
        <span className="meta-sep" aria-hidden="true" />
        <span className="muted">
          {t('candidate.submittedAt', { time: formatDateTime(manifest.submittedAt) })}
        </span>
        <span className="meta-sep" aria-hidden="true" />
        <span className="muted">{t('candidate.importedFrom', { name: source.name, kind: t(`candidate.sourceKind.${source.kind}`) })}</span>
      </div>
    </header>
  );
}

function OverviewBody({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const { manifest, summary } = detail;
  const today = localDate(new Date());
  const auth = manifest.authorization;

  return (
    <>
      {manifest.product.rawPackage && (
        <div className="banner banner-warning raw-package-warning" role="note" data-testid="overview-raw-package">
          <WarningIcon size={18} />
          <div>
            <strong>{t('candidate.rawPackageWarningTitle')}</strong>
            <p>{t('candidate.rawPackageWarning')}</p>
          </div>
        </div>
      )}

      <div className="card-grid">
        <Card title={t('candidate.sections.product')} className="card-wide">
          <Fields
            fields={[
              { label: t('candidate.fields.name'), value: manifest.product.name },
              { label: t('candidate.fields.kind'), value: t(`kinds.${manifest.product.kind}`) },
              {
                label: t('candidate.fields.description'),
                value: manifest.product.description === '' ? <span className="muted">{t('candidate.noDescription')}</span> : <span className="prose">{manifest.product.description}</span>,
              },
              {
                label: t('candidate.fields.rawPackage'),
                testId: 'overview-raw-package-flag',
                value: manifest.product.rawPackage ? (
                  <span className="flag flag-warning strong">
                    <WarningIcon size={12} />
                    {t('common.yes')}
                  </span>
                ) : (
                  t('candidate.rawPackageNo')
                ),
              },
            ]}
          />
        </Card>

        <Card title={t('candidate.sections.authorization')}>
          <Fields
            fields={[
              { label: t('candidate.fields.agreementId'), value: auth.agreementId, mono: true },
              { label: t('candidate.fields.level'), value: t(`candidate.levels.${auth.level}`) },
              { label: t('candidate.fields.region'), value: auth.region, mono: true },
              { label: t('candidate.fields.validity'), value: <span className="tabular">{t('candidate.validityRange', { from: auth.validFrom, to: auth.validTo })}</span> },
              { label: t('candidate.fields.validityStatus'), value: <ValidityBadge validFrom={auth.validFrom} validTo={auth.validTo} today={today} /> },
            ]}
          />
        </Card>

        <Card title={t('candidate.sections.operator')}>
          <Fields
            fields={[
              { label: t('candidate.fields.name'), value: manifest.operator.name },
              { label: t('candidate.fields.creditCode'), value: manifest.operator.creditCode, mono: true },
              { label: t('candidate.fields.contact'), value: manifest.operator.contact === '' ? <span className="muted">{t('candidate.noContact')}</span> : manifest.operator.contact },
            ]}
          />
        </Card>

        <Card title={t('candidate.sections.scenario')}>
          <Fields
            fields={[
              { label: t('candidate.fields.scenarioId'), value: manifest.scenario.id, mono: true },
              { label: t('candidate.fields.name'), value: manifest.scenario.name },
              { label: t('candidate.fields.purpose'), value: manifest.scenario.purpose === '' ? <span className="muted">{t('candidate.noPurpose')}</span> : <span className="prose">{manifest.scenario.purpose}</span> },
            ]}
          />
        </Card>

        <Card title={t('candidate.sections.recipient')}>
          <Fields
            fields={[
              { label: t('candidate.fields.name'), value: manifest.recipient.name },
              { label: t('candidate.fields.creditCode'), value: manifest.recipient.creditCode, mono: true },
            ]}
          />
        </Card>
      </div>

      <Card title={t('candidate.sections.sources')} aside={t('candidate.sourceCount', { count: manifest.sources.length })}>
        <SourcesTable sources={manifest.sources} />
      </Card>

      <Card title={t('candidate.sections.files')} aside={t('candidate.fileCount', { count: manifest.files.length, size: formatBytes(summary.totalBytes) })}>
        <FilesTable files={manifest.files} integrity={detail.integrity} />
      </Card>

      <Card title={t('candidate.sections.digest')} testId="overview-digest">
        <Fields
          fields={[
            { label: t('candidate.fields.candidateDigest'), value: <code className="digest digest-full" data-testid="overview-candidate-digest">{summary.digest}</code> },
            ...(manifest.previousRevisionDigest !== undefined
              ? [{ label: t('candidate.fields.previousRevisionDigest'), value: <code className="digest digest-full">{manifest.previousRevisionDigest}</code> }]
              : []),
          ]}
        />
        <p className="help">{t('candidate.digestHelp')}</p>
      </Card>
    </>
  );
}
