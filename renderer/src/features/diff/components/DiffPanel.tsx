/**
 * The Diff tab of a candidate (对照): a segmented switch between the scope diff, the
 * conformance diff, declarations vs detections and the revision diff, and the open view. The
 * view and what it focuses on live in useDiffStore, so the findings panel can open a view on a
 * table, column and row. The views over values follow the scan (they need its results).
 */
import { useTranslation } from 'react-i18next';
import { candidateKey } from '../../preview/store';
import { useScan } from '../../preview/use-scan';
import { useDiffStore } from '../store';
import { ConformanceView } from './ConformanceView';
import { DeclarationsView } from './DeclarationsView';
import { RevisionView } from './RevisionView';
import { ScopeView } from './ScopeView';
import { ViewSwitch } from './ViewSwitch';
import '../diff.css';

export function DiffPanel({ id, revision }: { id: string; revision: number }) {
  const { t } = useTranslation();
  const key = candidateKey(id, revision);
  const view = useDiffStore((s) => s.views[key] ?? s.focus[key]?.view ?? 'scope');
  const setView = useDiffStore((s) => s.setView);
  const scan = useScan(id, revision, { autoStart: false });
  const scanState = scan.progress?.state;

  return (
    <div className="diff-panel" data-testid="diff-panel" data-view={view} data-candidate={key}>
      <div className="diff-bar">
        <ViewSwitch view={view} onChange={(next) => setView(key, next)} />
        <span className="diff-bar-note muted small">{t('diff.maskedNote')}</span>
      </div>
      <div className="diff-view-panel" role="tabpanel" id="diff-view-panel" aria-labelledby={`diff-view-${view}`}>
        {view === 'scope' && <ScopeView id={id} revision={revision} />}
        {view === 'conformance' && <ConformanceView id={id} revision={revision} scanState={scanState} />}
        {view === 'declarations' && <DeclarationsView id={id} revision={revision} scanState={scanState} />}
        {view === 'revision' && <RevisionView id={id} revision={revision} />}
      </div>
    </div>
  );
}
