/**
 * The import dialog: a path to a package folder or .zip (typed, or chosen with the native
 * dialog where the host has one), progress while main verifies and stores it, and the
 * translated error when it fails — in which case nothing was added.
 */
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../../shared/ipc/schemas/candidates';
import { api } from '../../../app/api';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { describeError } from '../../../app/errors';
import { ArchiveIcon, ErrorIcon, FolderIcon } from '../../../app/components/icons';
import { formatBytes } from '../../../app/format';
import { describeThrown, log } from '../../../app/log';
import { useNoticeStore } from '../../../app/store';
import { useSettingsStore } from '../../settings/store';
import { rowKey } from '../queue-model';
import { refreshQueue } from '../refresh';
import { useQueueStore } from '../store';
import { useModalDialog } from '../../../app/use-modal-dialog';
import { FormDialog } from '../../../app/components/FormDialog';

type Problem = { kind: 'path-required' } | { kind: 'error'; error: unknown };

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const nativeDialogs = useSettingsStore((s) => s.appInfo?.nativeDialogs ?? false);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  useModalDialog(dialogRef, inputRef);

  const close = () => {
    if (!busy) onClose();
  };

  const browse = async (kind: 'folder' | 'zip') => {
    try {
      const chosen = await api.invoke('candidates:choose-package', { kind });
      if (chosen.path !== null) {
        setPath(chosen.path);
        setProblem(null);
      }
    } catch (error) {
      setProblem({ kind: 'error', error });
    }
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = path.trim();
    if (trimmed === '') {
      setProblem({ kind: 'path-required' });
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    setProgress(null);
    let unsubscribe: () => void = () => undefined;
    try {
      unsubscribe = api.subscribe('candidates:import-progress', setProgress);
      const { summary } = await api.invoke('candidates:import', { path: trimmed });
      unsubscribe();
      await refreshQueue();
      useQueueStore.getState().select(rowKey(summary));
      useNoticeStore.getState().push('success', { key: 'import.succeeded', params: { id: summary.id, revision: summary.revision, name: summary.productName } });
      onClose();
    } catch (error) {
      unsubscribe();
      log.warn('import failed', { error: describeThrown(error) });
      setProblem({ kind: 'error', error });
      setBusy(false);
      setProgress(null);
      inputRef.current?.focus();
    }
  };

  const percent = progress && progress.bytesTotal > 0 ? Math.min(100, Math.round((progress.bytesDone / progress.bytesTotal) * 100)) : null;

  return (
    <FormDialog
      dialogRef={dialogRef}
      className="import-dialog"
      testId="import-dialog"
      titleId={titleId}
      descriptionId={descriptionId}
      title={t('import.title')}
      busy={busy}
      onClose={close}
      onSubmit={(event) => void submit(event)}
    >

      <div className="dialog-body">
        <p id={descriptionId} className="muted">
          {t('import.description')}
        </p>

        <label className="field">
          <span className="field-label">{t('import.pathLabel')}</span>
          <input
            ref={inputRef}
            type="text"
            className="text-input mono"
            data-testid="import-path"
            value={path}
            placeholder={t('import.pathPlaceholder')}
            spellCheck={false}
            autoComplete="off"
            disabled={busy}
            aria-invalid={problem !== null}
            onChange={(e) => {
              setPath(e.target.value);
              if (problem?.kind === 'path-required') setProblem(null);
            }}
          />
        </label>

        {nativeDialogs && (
          <div className="browse-row">
            <button type="button" className="button small" data-testid="import-browse-folder" disabled={busy} onClick={() => void browse('folder')}>
              <FolderIcon size={14} />
              {t('import.browseFolder')}
            </button>
            <button type="button" className="button small" data-testid="import-browse-zip" disabled={busy} onClick={() => void browse('zip')}>
              <ArchiveIcon size={14} />
              {t('import.browseZip')}
            </button>
          </div>
        )}

        {busy && (
          <div className="import-progress" data-testid="import-progress" role="status">
            <div className="progress-line">
              <span>{progress ? t(`import.phase.${progress.phase}`) : t('import.importing')}</span>
              {progress?.file !== undefined && <span className="mono truncate">{progress.file}</span>}
              {progress && progress.bytesTotal > 0 && (
                <span className="tabular muted">{t('import.progressBytes', { done: formatBytes(progress.bytesDone), total: formatBytes(progress.bytesTotal) })}</span>
              )}
            </div>
            <progress max={100} value={percent ?? undefined} aria-label={t('import.importing')} />
          </div>
        )}

        {problem && (
          <div
            className="banner banner-error"
            role="alert"
            data-testid="import-error"
            data-error-code={problem.kind === 'path-required' ? 'import.path-required' : describeError(problem.error).code}
          >
            <ErrorIcon />
            {problem.kind === 'path-required' ? <span>{t('import.pathRequired')}</span> : <ErrorMessage error={problem.error} />}
          </div>
        )}
      </div>

      <footer className="dialog-footer">
        <button type="button" className="button" onClick={close} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button primary" data-testid="import-submit" disabled={busy}>
          {busy ? t('import.importing') : t('import.submit')}
        </button>
      </footer>
    </FormDialog>
  );
}
