/**
 * The tab bar of the candidate page: 概览 Overview | 预览 Preview | 对照 Diff | 决定 Decision, with a small
 * marker on Preview while the background scan runs. ←/→ move between the tabs (wrapping);
 * `d` (handled by the page) switches between Preview and Diff.
 */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanProgress } from '../../../../../shared/ipc/schemas/preview';
import type { CandidateTab } from '../../preview/store';

const TABS: readonly CandidateTab[] = ['overview', 'preview', 'diff', 'decision'];

export function CandidateTabs({ tab, scanState, onChange }: { tab: CandidateTab; scanState: ScanProgress['state'] | undefined; onChange: (tab: CandidateTab) => void }) {
  const { t } = useTranslation();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? 'overview';
    onChange(next);
    document.getElementById(`candidate-tab-${next}`)?.focus();
  };

  return (
    <div className="tab-bar" role="tablist" aria-label={t('candidate.tabs.label')} onKeyDown={onKeyDown}>
      {TABS.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`candidate-tab-${name}`}
          className="tab"
          data-testid={`candidate-tab-${name}`}
          aria-selected={tab === name}
          aria-controls={`candidate-panel-${name}`}
          tabIndex={tab === name ? 0 : -1}
          onClick={() => onChange(name)}
        >
          {t(`candidate.tabs.${name}`)}
          {name === 'preview' && scanState === 'running' && <span className="tab-busy" title={t('preview.scan.running')} aria-hidden="true" />}
        </button>
      ))}
    </div>
  );
}
