/**
 * The workstation shell: top bar, navigation rail and the current view (state-based routing
 * from useNavigationStore), after start-up has loaded settings from main and the workspace
 * key is unlocked (until then, the workspace lock screen).
 */
import { useTranslation } from 'react-i18next';
import { CandidateOverview } from '../features/candidate/components/CandidateOverview';
import { QueueView } from '../features/queue/components/QueueView';
import { LedgerView } from '../features/seal/components/LedgerView';
import { SettingsView } from '../features/settings/components/SettingsView';
import { WorkspaceLockScreen } from '../features/workspace-lock/components/WorkspaceLockScreen';
import { useWorkspaceStatus } from '../features/workspace-lock/use-workspace-status';
import { ErrorMessage } from './components/ErrorMessage';
import { NavRail } from './components/NavRail';
import { Notices } from './components/Notices';
import { TopBar } from './components/TopBar';
import { ProductMark } from './components/icons';
import { useNavigationStore } from './store';
import { useBoot } from './use-boot';

function CurrentView() {
  const view = useNavigationStore((s) => s.view);
  switch (view.name) {
    case 'queue':
      return <QueueView />;
    case 'candidate':
      return <CandidateOverview key={`${view.id}@${view.revision}`} id={view.id} revision={view.revision} />;
    case 'ledger':
      return <LedgerView />;
    case 'settings':
      return <SettingsView />;
  }
}

export function App() {
  const { t } = useTranslation();
  const boot = useBoot();
  const lock = useWorkspaceStatus(boot.phase === 'ready');
  // Start-up, then the question whether the workspace is unlocked, share the splash.
  const starting =
    boot.phase !== 'ready' ? boot : lock.phase === 'loading' ? ({ phase: 'loading' } as const) : lock.phase === 'failed' ? { phase: 'failed' as const, error: lock.error, retry: lock.retry } : null;

  if (starting) {
    return (
      <div className="splash" data-testid="app-splash">
        <ProductMark size={40} className="splash-mark" />
        <div className="splash-title">{t('app.productName')}</div>
        {starting.phase === 'loading' ? (
          <div className="splash-text" role="status">
            {t('app.loading')}
          </div>
        ) : (
          <div className="splash-error" role="alert" data-testid="boot-error">
            <strong>{t('app.bootFailed')}</strong>
            <p>
              <ErrorMessage error={starting.error} />
            </p>
            <p className="muted">{t('app.bootFailedHelp')}</p>
            <button type="button" className="button" onClick={starting.retry}>
              {t('app.retry')}
            </button>
          </div>
        )}
      </div>
    );
  }

  if (lock.phase === 'ready' && lock.status.state !== 'unlocked') return <WorkspaceLockScreen status={lock.status} />;

  return (
    <div className="shell" data-testid="app-shell">
      <TopBar />
      <NavRail />
      <main className="content">
        <CurrentView />
      </main>
      <Notices />
    </div>
  );
}
