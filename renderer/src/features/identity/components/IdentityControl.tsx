/**
 * Who signs, in the top bar: the current user's name and roles, whether their key is unlocked
 * and when it locks itself, a menu to switch to another user (then their passphrase), and a
 * Lock button (Unlock when locked). Before any user exists it offers the demo first run (the
 * Decision tab also opens it, the first time a signature is wanted).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../../shared/ipc/schemas/identity';
import { api } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { ChevronDownIcon, LockIcon, UnlockIcon, UserIcon } from '../../../app/components/icons';
import { describeThrown, log } from '../../../app/log';
import { useNoticeStore } from '../../../app/store';
import { clockTime, signerState, sortedRoles, switchTargets } from '../identity-model';
import { useIdentityStore } from '../store';
import { useIdentity } from '../use-identity';
import { FirstRunDialog } from './FirstRunDialog';
import { RoleList } from './RoleList';
import { SwitchUserDialog } from './SwitchUserDialog';
import '../identity.css';

export function IdentityControl() {
  const { t } = useTranslation();
  useIdentity();
  const status = useIdentityStore((s) => s.status);
  const error = useIdentityStore((s) => s.error);
  const showFirstRun = useIdentityStore((s) => s.firstRunOpen);
  const [target, setTarget] = useState<UserSummary | null>(null);
  const [locking, setLocking] = useState(false);

  if (status === null) {
    if (error === null) return <div className="identity" aria-busy="true" />;
    const { text } = describeError(error);
    return (
      <div className="identity">
        <span className="identity-chip is-muted" data-testid="identity-unavailable" title={text}>
          <LockIcon size={14} />
          {t('identity.unavailable')}
        </span>
      </div>
    );
  }

  const signer = signerState(status);

  const lock = async () => {
    setLocking(true);
    try {
      useIdentityStore.getState().setStatus(await api.invoke('identity:lock', {}));
    } catch (thrown) {
      log.warn('identity:lock failed', { error: describeThrown(thrown) });
      useNoticeStore.getState().push('error', { error: thrown });
    } finally {
      setLocking(false);
    }
  };

  return (
    <div className="identity" data-testid="identity" data-state={signer.kind} data-user-id={signer.kind === 'locked' || signer.kind === 'unlocked' ? signer.user.id : undefined}>
      {signer.kind === 'not-set-up' ? (
        <button type="button" className="identity-chip is-action" data-testid="identity-setup" title={t('identity.noCredentialsHelp')} onClick={() => useIdentityStore.getState().openFirstRun()}>
          <UserIcon size={14} />
          {t('identity.setUpDemo')}
        </button>
      ) : (
        <>
          <UserMenu onChoose={setTarget} />
          {signer.kind === 'unlocked' ? (
            <button type="button" className="identity-button" data-testid="identity-lock" title={t('identity.lockTitle')} disabled={locking} onClick={() => void lock()}>
              <LockIcon size={14} />
              {t('identity.lock')}
            </button>
          ) : signer.kind === 'locked' ? (
            <button type="button" className="identity-button" data-testid="identity-unlock" onClick={() => setTarget(signer.user)}>
              <UnlockIcon size={14} />
              {t('identity.unlock')}
            </button>
          ) : null}
        </>
      )}
      {showFirstRun && (
        <FirstRunDialog onClose={() => useIdentityStore.getState().closeFirstRun(true)} onDone={() => useIdentityStore.getState().closeFirstRun(false)} />
      )}
      {target !== null && !showFirstRun && <SwitchUserDialog user={target} isCurrent={status.current?.user.id === target.id} onClose={() => setTarget(null)} />}
    </div>
  );
}

/** The current user's chip, opening the menu of users to switch to. */
function UserMenu({ onChoose }: { onChoose: (user: UserSummary) => void }) {
  const { t } = useTranslation();
  const status = useIdentityStore((s) => s.status);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      const inside = event.target instanceof Node && (menuRef.current?.contains(event.target) || buttonRef.current?.contains(event.target));
      if (!inside) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  if (status === null) return null;
  const signer = signerState(status);
  const user = signer.kind === 'locked' || signer.kind === 'unlocked' ? signer.user : null;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const targets: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    const to = targets[event.key];
    if (to !== undefined) {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      // Handled here: the candidate page would otherwise take Escape as "back to the queue".
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  const lockText =
    signer.kind === 'unlocked'
      ? signer.lockAt === null
        ? t('identity.unlocked')
        : t('identity.unlockedUntil', { time: clockTime(signer.lockAt) })
      : signer.kind === 'locked'
        ? t('identity.locked')
        : t('identity.noUser');

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="identity-user"
        data-testid="identity-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <UserIcon size={16} />
        <span className="identity-user-text">
          <span className="identity-name" data-testid="identity-name">
            {user?.name ?? t('identity.chooseUser')}
          </span>
          {user && (
            <span className="identity-roles" data-testid="identity-roles">
              <RoleList roles={user.roles} />
            </span>
          )}
        </span>
        <span className={`identity-lock-state is-${signer.kind}`} data-testid="identity-lock-state" data-lock-at={signer.kind === 'unlocked' ? (signer.lockAt ?? '') : undefined}>
          {signer.kind === 'unlocked' ? <UnlockIcon size={12} /> : <LockIcon size={12} />}
          {lockText}
        </span>
        <ChevronDownIcon size={14} />
      </button>
      {open && (
        <div ref={menuRef} id={menuId} className="identity-menu" role="menu" aria-label={t('identity.switchTo')} data-testid="identity-menu" onKeyDown={onMenuKey}>
          {status.authority && (
            <div className="identity-menu-authority" role="none">
              <span className="muted small">{t('identity.authority')}</span>
              <span className="strong">{status.authority.name}</span>
              {status.demo && <span className="sample-badge">{t('identity.sample')}</span>}
            </div>
          )}
          <div className="identity-menu-label" role="none">
            {t('identity.switchTo')}
          </div>
          {switchTargets(status).map((u) => {
            const isCurrent = status.current?.user.id === u.id;
            return (
              <button
                key={u.id}
                type="button"
                role="menuitem"
                className="identity-menu-item"
                data-testid="identity-user"
                data-user-id={u.id}
                data-roles={sortedRoles(u.roles).join(' ')}
                aria-current={isCurrent ? 'true' : undefined}
                onClick={() => {
                  close(false);
                  onChoose(u);
                }}
              >
                <span className="identity-menu-name">
                  {u.name}
                  {isCurrent && <span className="muted small"> · {signer.kind === 'unlocked' ? t('identity.current') : t('identity.currentLocked')}</span>}
                </span>
                <span className="identity-menu-roles">
                  <RoleList roles={u.roles} />
                </span>
              </button>
            );
          })}
        </div>
      )}
    </>
  );
}
