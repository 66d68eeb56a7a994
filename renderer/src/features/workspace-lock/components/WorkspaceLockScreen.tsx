/**
 * Shown instead of the workstation while the workspace key is not unlocked: set a workspace
 * passphrase (fresh workspace, no OS keychain), unlock with it, or — when the key is in the
 * keychain or its file is damaged — what went wrong and a retry. The top bar stays, so the
 * language can be switched before typing anything.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../../shared/ipc/schemas/store';
import { TopBar } from '../../../app/components/TopBar';
import { useWorkspaceLockStore } from '../store';
import { KeyProblem } from './KeyProblem';
import { SetPassphraseForm } from './SetPassphraseForm';
import { UnlockForm } from './UnlockForm';
import '../workspace-lock.css';

type Mode = 'set' | 'unlock' | 'problem';

function modeOf(status: StoreStatus): Mode {
  if (status.state === 'needs-passphrase') return 'set';
  return status.protection === 'passphrase' ? 'unlock' : 'problem';
}

function LockIcon() {
  return (
    <svg width={22} height={22} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className="icon lock-icon">
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3M12 14.5v2.5" />
    </svg>
  );
}

export function WorkspaceLockScreen({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  const titleId = useId();
  const receivedAt = useWorkspaceLockStore((s) => s.receivedAt);
  const mode = modeOf(status);
  const title = mode === 'set' ? t('lock.setTitle') : mode === 'unlock' ? t('lock.unlockTitle') : t('lock.problemTitle');

  return (
    <div className="lock-screen" data-testid="workspace-lock" data-mode={mode}>
      <TopBar />
      <main className="lock-main">
        <section className="lock-card" aria-labelledby={titleId}>
          <header className="lock-header">
            <LockIcon />
            <h1 id={titleId}>{title}</h1>
          </header>
          {mode === 'set' && <SetPassphraseForm status={status} titleId={titleId} />}
          {mode === 'unlock' && <UnlockForm status={status} receivedAt={receivedAt} titleId={titleId} />}
          {mode === 'problem' && <KeyProblem status={status} />}
        </section>
      </main>
    </div>
  );
}
