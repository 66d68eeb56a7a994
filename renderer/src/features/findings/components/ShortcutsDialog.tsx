/**
 * The `?` dialog: every keyboard shortcut of the candidate page — the findings' `n`/`p`, `d`
 * between Preview and Diff, `?` itself, and the page's older ones (Escape/Backspace back to
 * the queue, ←/→ on the tab bar).
 */
import { Fragment, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../../../app/components/icons';
import { useModalDialog } from '../../../app/use-modal-dialog';

type Shortcut = { keys: readonly string[]; action: 'next' | 'previous' | 'toggleDiff' | 'help' | 'back' | 'tabs' };

/** The page's shortcuts, in the order the dialog lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['N'], action: 'next' },
  { keys: ['P'], action: 'previous' },
  { keys: ['D'], action: 'toggleDiff' },
  { keys: ['?'], action: 'help' },
  { keys: ['Esc', 'Backspace'], action: 'back' },
  { keys: ['←', '→'], action: 'tabs' },
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useModalDialog(dialogRef, closeRef);

  return (
    <dialog
      ref={dialogRef}
      className="dialog shortcuts-dialog"
      data-testid="shortcuts-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{t('shortcuts.title')}</h2>
        <button ref={closeRef} type="button" className="icon-button" aria-label={t('common.close')} title={t('common.close')} onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <div className="dialog-body">
        <table className="shortcuts-table">
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.key')}</th>
              <th scope="col">{t('shortcuts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action} data-testid="shortcut" data-action={shortcut.action}>
                <td className="shortcut-keys">
                  {shortcut.keys.map((key, i) => (
                    <Fragment key={key}>
                      {i > 0 && <span className="muted small"> {shortcut.action === 'tabs' ? '/' : t('shortcuts.or')} </span>}
                      <kbd>{key}</kbd>
                    </Fragment>
                  ))}
                </td>
                <td>{t(`shortcuts.${shortcut.action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help">{t('shortcuts.intro')}</p>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </footer>
    </dialog>
  );
}
