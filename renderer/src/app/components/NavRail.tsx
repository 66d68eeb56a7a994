/** The left navigation rail: the review queue, the seal-use ledger and settings. A candidate counts as the queue. */
import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../store';
import { QueueIcon, SettingsIcon, StampIcon } from './icons';

export function NavRail() {
  const { t } = useTranslation();
  const view = useNavigationStore((s) => s.view.name);
  const goToQueue = useNavigationStore((s) => s.goToQueue);
  const goToLedger = useNavigationStore((s) => s.goToLedger);
  const goToSettings = useNavigationStore((s) => s.goToSettings);
  const inQueue = view === 'queue' || view === 'candidate';

  return (
    <nav className="nav-rail" aria-label={t('nav.label')}>
      <button type="button" className="nav-item" data-testid="nav-queue" aria-current={inQueue ? 'page' : undefined} onClick={goToQueue}>
        <QueueIcon size={20} />
        <span className="nav-label">{t('nav.queue')}</span>
      </button>
      <button type="button" className="nav-item" data-testid="nav-ledger" aria-current={view === 'ledger' ? 'page' : undefined} onClick={goToLedger}>
        <StampIcon size={20} />
        <span className="nav-label">{t('nav.ledger')}</span>
      </button>
      <button type="button" className="nav-item" data-testid="nav-settings" aria-current={view === 'settings' ? 'page' : undefined} onClick={goToSettings}>
        <SettingsIcon size={20} />
        <span className="nav-label">{t('nav.settings')}</span>
      </button>
    </nav>
  );
}
