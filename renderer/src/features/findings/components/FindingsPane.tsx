/**
 * The findings panel beside the preview and the diff: every finding of the revision grouped
 * by severity (阻断/警告/提示) then rule, each rule with its clause (hover or focus shows the
 * clause text). Clicking a finding — or `n`/`p` — selects it and shows its location; the
 * selected finding opens up with its evidence (in the UI language), its acknowledgement, and
 * either the Acknowledge action (non-blocking) or why it has none (blocking). Below them, what
 * disclosure control could not check. Also the states before there are findings: loading, not
 * scanned yet (with the scan's progress), stale, none, error.
 * Collapsed, it is a narrow strip with the counts.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckNote, FindingItem } from '../../../../../shared/ipc/schemas/review';
import type { Severity } from '../../../../../shared/rules/catalogue';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { CheckIcon, ChevronLeftIcon, ChevronRightIcon, ErrorIcon, LockIcon, PanelCloseIcon, PanelOpenIcon, RefreshIcon, WarningIcon } from '../../../app/components/icons';
import { formatDateTime } from '../../../app/format';
import { hasMessage, translateDynamic } from '../../../app/i18n';
import { describeThrown, log } from '../../../app/log';
import { useNoticeStore } from '../../../app/store';
import { candidateKey } from '../../preview/store';
import type { ScanControl } from '../../preview/use-scan';
import { canAcknowledge, findingEvidence, findingMessage, jumpTarget, type SeverityGroup } from '../findings-model';
import { useFindingsStore } from '../store';
import type { FindingsControl } from '../use-findings';
import { AcknowledgeDialog } from './AcknowledgeDialog';
import { ClauseRef } from './ClauseRef';
import { FindingLocationText } from './FindingLocationText';

type Props = {
  id: string;
  revision: number;
  findings: FindingsControl;
  scan: ScanControl;
  groups: readonly SeverityGroup[];
  /** The findings in panel order. */
  ordered: readonly FindingItem[];
  onGo: (item: FindingItem) => void;
  onStep: (direction: 1 | -1) => void;
};

/** A reviewer's name: main's ID for this workstation's own reviewer reads as words. */
function actorName(id: string): string {
  return hasMessage(`findings.actors.${id}`) ? translateDynamic(`findings.actors.${id}`) : id;
}

/** The DOM id of a finding's entry (keys are hex). */
export const findingDomId = (key: string) => `finding-${key}`;

export function FindingsPane({ id, revision, findings, scan, groups, ordered, onGo, onStep }: Props) {
  const { t } = useTranslation();
  const open = useFindingsStore((s) => s.paneOpen);
  const setOpen = useFindingsStore((s) => s.setPaneOpen);
  const selected = useFindingsStore((s) => s.selected[candidateKey(id, revision)]);
  const [ackKey, setAckKey] = useState<string | null>(null);
  const [ackBusy, setAckBusy] = useState(false);
  const [ackError, setAckError] = useState<unknown>(null);

  // The selected finding stays in view as n/p move through the list.
  useEffect(() => {
    if (open && selected !== undefined) document.getElementById(findingDomId(selected))?.scrollIntoView({ block: 'nearest' });
  }, [open, selected]);

  const counts: Record<Severity, number> = { block: 0, warn: 0, info: 0 };
  for (const g of groups) counts[g.severity] = g.count;
  const view = findings.view;
  const index = selected === undefined ? -1 : ordered.findIndex((i) => i.key === selected);

  if (!open) {
    return (
      <aside className="findings-pane is-collapsed" data-testid="findings-pane" data-open="false" aria-label={t('findings.paneLabel')}>
        <button type="button" className="icon-button" data-testid="findings-pane-toggle" aria-expanded={false} title={t('findings.expand')} aria-label={t('findings.expand')} onClick={() => setOpen(true)}>
          <PanelOpenIcon />
        </button>
        <span className="findings-strip-title">{t('findings.title')}</span>
        {(['block', 'warn', 'info'] as const).map((s) => (
          <span key={s} className={`findings-strip-count severity-${s}`} title={t(`findings.severity.${s}`)}>
            {view ? counts[s] : '–'}
          </span>
        ))}
      </aside>
    );
  }

  const ackItem = ackKey === null ? undefined : ordered.find((i) => i.key === ackKey);

  const acknowledge = async (justification: string) => {
    if (!ackItem) return;
    setAckBusy(true);
    setAckError(null);
    try {
      await findings.acknowledge(ackItem.key, justification);
      setAckKey(null);
      // The Acknowledge button is gone; keyboard focus goes back to the finding.
      const key = ackItem.key;
      requestAnimationFrame(() => document.getElementById(findingDomId(key))?.querySelector<HTMLElement>('[data-testid="finding-open"]')?.focus());
      useNoticeStore.getState().push('success', { key: 'findings.dialog.done', params: { rule: ackItem.finding.rule } });
    } catch (error) {
      log.warn('acknowledgement refused', { id, revision, rule: ackItem.finding.rule, error: describeThrown(error) });
      setAckError(error);
    } finally {
      setAckBusy(false);
    }
  };

  return (
    <aside
      className="findings-pane"
      data-testid="findings-pane"
      data-open="true"
      data-state={findings.status === 'ready' ? findings.view.state : findings.status}
      aria-label={t('findings.paneLabel')}
    >
      <header className="findings-pane-header">
        <h2>
          {t('findings.title')}
          {view && view.state === 'ready' && (
            <span className="findings-total tabular" data-testid="findings-total">
              {t('findings.total', { count: view.items.length })}
            </span>
          )}
        </h2>
        {ordered.length > 0 && (
          <span className="findings-pager">
            <button type="button" className="icon-button" data-testid="finding-previous" title={t('findings.previous')} aria-label={t('findings.previous')} onClick={() => onStep(-1)}>
              <ChevronLeftIcon size={15} />
            </button>
            <span className="findings-position tabular" data-testid="finding-position" aria-live="polite">
              {index === -1 ? `– / ${ordered.length}` : t('findings.position', { index: index + 1, total: ordered.length })}
            </span>
            <button type="button" className="icon-button" data-testid="finding-next" title={t('findings.next')} aria-label={t('findings.next')} onClick={() => onStep(1)}>
              <ChevronRightIcon size={15} />
            </button>
          </span>
        )}
        <button type="button" className="icon-button" data-testid="findings-pane-toggle" aria-expanded={true} title={t('findings.collapse')} aria-label={t('findings.collapse')} onClick={() => setOpen(false)}>
          <PanelCloseIcon />
        </button>
      </header>
      {view?.document && (
        <p className="findings-document muted small">
          {view.document.policy ? t('findings.document.policy', { id: view.document.policy.id, version: view.document.policy.version }) : t('findings.document.noPolicy')}
          <span className="dot-sep" aria-hidden="true" />
          {t('findings.document.evaluatedAt', { time: formatDateTime(view.document.evaluatedAt) })}
        </p>
      )}

      <div className="findings-pane-body" data-testid="findings-list">
        {findings.status === 'failed' && (
          <div className="banner banner-error findings-banner" role="alert" data-testid="findings-error">
            <ErrorIcon />
            <span>
              <strong>{t('findings.state.failed')}</strong> <ErrorMessage error={findings.error} />
            </span>
            <button type="button" className="button small" onClick={findings.reload}>
              {t('findings.state.retry')}
            </button>
          </div>
        )}
        {findings.status === 'loading' && <p className="findings-empty muted">{t('findings.state.loading')}</p>}
        {view?.state === 'not-scanned' && <NotScanned scan={scan} />}
        {view?.state === 'ready' && view.stale && (
          <div className="banner banner-warning findings-banner" role="note" data-testid="findings-stale">
            <WarningIcon size={16} />
            <span>{t('findings.state.stale')}</span>
            <button type="button" className="button small" data-testid="findings-rescan" onClick={scan.start} disabled={scan.progress?.state === 'running'}>
              <RefreshIcon size={14} />
              {t('findings.state.rescan')}
            </button>
          </div>
        )}
        {view?.state === 'ready' && view.items.length === 0 && (
          <div className="findings-none" data-testid="findings-none">
            <CheckIcon size={22} />
            <strong>{t('findings.state.none')}</strong>
            <span className="muted">{t('findings.state.noneHelp')}</span>
          </div>
        )}
        {groups.map((group) => (
          <section key={group.severity} className={`finding-severity severity-${group.severity}`} data-testid="finding-severity" data-severity={group.severity}>
            <h3 className="finding-severity-header" title={t(`findings.severityHelp.${group.severity}`)}>
              <span className="severity-dot" aria-hidden="true" />
              {t(`findings.severity.${group.severity}`)}
              <span className="finding-severity-count tabular">{group.count}</span>
            </h3>
            {group.rules.map((rule) => (
              <section key={rule.rule} className="finding-rule" data-testid="finding-rule" data-rule={rule.rule}>
                <header className="finding-rule-header">
                  <span className="finding-rule-name">{translateDynamic(`findings.rules.${rule.rule}`)}</span>
                  <span className="finding-rule-meta">
                    <code className="rule-id">{rule.rule}</code>
                    <ClauseRef clause={rule.clause} />
                    {rule.items.length > 1 && <span className="finding-rule-count tabular">×{rule.items.length}</span>}
                  </span>
                </header>
                <ul className="finding-list">
                  {rule.items.map((item) => (
                    <FindingEntry key={item.key} item={item} selected={item.key === selected} onGo={onGo} onAcknowledge={() => setAckKey(item.key)} />
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))}
        {view?.state === 'ready' && view.notes.length > 0 && <CheckNotes notes={view.notes} />}
      </div>

      {ackItem && (
        <AcknowledgeDialog
          item={ackItem}
          busy={ackBusy}
          error={ackError}
          onSubmit={(justification) => void acknowledge(justification)}
          onClose={() => {
            setAckKey(null);
            setAckError(null);
          }}
        />
      )}
    </aside>
  );
}

/** What disclosure control could not check (no quasi-identifiers declared, a declared column missing): not findings, but the reviewer is told. */
function CheckNotes({ notes }: { notes: readonly CheckNote[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="findings-notes" data-testid="findings-notes" aria-labelledby="findings-notes-title">
      <h3 className="findings-notes-header" id="findings-notes-title">
        {t('findings.notes.title')}
        <span className="finding-severity-count tabular">{notes.length}</span>
      </h3>
      <p className="findings-notes-help muted small">{t('findings.notes.help')}</p>
      <ul className="findings-notes-list">
        {notes.map((note, i) => (
          <li key={i} className="findings-note" data-testid="findings-note">
            {findingMessage(note, i18n.language)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NotScanned({ scan }: { scan: ScanControl }) {
  const { t } = useTranslation();
  const progress = scan.progress;
  const state = progress?.state;
  const percent = progress && progress.bytesTotal > 0 ? Math.min(100, Math.floor((progress.bytesDone / progress.bytesTotal) * 100)) : null;
  return (
    <div className="findings-not-scanned" data-testid="findings-not-scanned" data-scan={state ?? 'loading'}>
      {state === 'running' ? (
        <>
          <span className="strong">{t('findings.state.scanning', { percent: percent === null ? '…' : `${percent}%` })}</span>
          <progress className="findings-scan-bar" max={100} value={percent ?? undefined} aria-label={t('preview.scan.label')} />
        </>
      ) : state === 'not-started' || state === 'cancelled' || state === 'failed' ? (
        <>
          <span className="strong">{t(state === 'not-started' ? 'findings.state.scanNotStarted' : state === 'cancelled' ? 'findings.state.scanCancelled' : 'findings.state.scanFailed')}</span>
          <button type="button" className="button small primary" data-testid="findings-scan-start" onClick={scan.start}>
            <RefreshIcon size={14} />
            {t('findings.state.startScan')}
          </button>
        </>
      ) : null}
      <span className="muted">{t('findings.state.notScanned')}</span>
    </div>
  );
}

function FindingEntry({ item, selected, onGo, onAcknowledge }: { item: FindingItem; selected: boolean; onGo: (item: FindingItem) => void; onAcknowledge: () => void }) {
  const { t, i18n } = useTranslation();
  const { finding, acknowledgement } = item;
  const target = jumpTarget(finding);
  const blocking = finding.severity === 'block';
  const evidence = findingEvidence(finding, i18n.language);
  return (
    <li
      id={findingDomId(item.key)}
      className={`finding${selected ? ' is-selected' : ''}`}
      data-testid="finding"
      data-key={item.key}
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-target={target.kind === 'diff' ? `diff:${target.focus.view}` : target.kind}
      data-acknowledged={acknowledgement ? 'true' : 'false'}
    >
      <button
        type="button"
        className="finding-main"
        data-testid="finding-open"
        aria-current={selected ? 'true' : undefined}
        title={target.kind === 'none' ? t('findings.noLocation') : t(`findings.locateTitle.${target.kind}`)}
        onClick={() => onGo(item)}
      >
        <span className="finding-head">
          <FindingLocationText location={finding.location} count={finding.count} />
          <span className="finding-count tabular" title={t('findings.countTitle', { n: finding.count })}>
            {t('findings.count', { count: finding.count, n: finding.count })}
          </span>
        </span>
        <span className="finding-message" data-testid="finding-message">
          {findingMessage(finding, i18n.language)}
        </span>
        {!selected && (evidence.length > 0 || acknowledgement) && (
          <span className="finding-foot">
            {acknowledgement && (
              <span className="ack-chip">
                <CheckIcon size={12} />
                {t('findings.acknowledged')}
              </span>
            )}
            {evidence.slice(0, 3).map((e, i) => (
              <span key={i} className="evidence-chip mono">
                {e}
              </span>
            ))}
          </span>
        )}
      </button>
      {selected && (
        <div className="finding-detail" data-testid="finding-detail">
          {evidence.length > 0 && (
            <div className="finding-evidence">
              <span className="finding-detail-label">{t('findings.evidence')}</span>
              <span className="finding-evidence-list" data-testid="finding-evidence">
                {evidence.map((e, i) => (
                  <span key={i} className="evidence-chip mono">
                    {e}
                  </span>
                ))}
              </span>
            </div>
          )}
          {acknowledgement && (
            <div className="finding-ack" data-testid="finding-acknowledgement">
              <span className="finding-ack-title">
                <CheckIcon size={13} />
                <span data-testid="finding-acknowledged-by">{t('findings.acknowledgedBy', { by: actorName(acknowledgement.by), time: formatDateTime(acknowledgement.at) })}</span>
              </span>
              <span className="finding-ack-text">
                <span className="muted">{t('findings.justification')}</span>
                <span data-testid="finding-justification">{acknowledgement.justification}</span>
              </span>
            </div>
          )}
          {blocking ? (
            <p className="finding-block-note" data-testid="finding-block-note">
              <LockIcon size={13} />
              {t('findings.blockNote')}
            </p>
          ) : (
            canAcknowledge(item) && (
              <div className="finding-actions">
                <button type="button" className="button small" data-testid="finding-acknowledge" title={t('findings.acknowledgeTitle')} onClick={onAcknowledge}>
                  {t('findings.acknowledge')}
                </button>
              </div>
            )
          )}
        </div>
      )}
    </li>
  );
}
