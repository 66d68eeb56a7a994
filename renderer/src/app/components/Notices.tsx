/** The stack of transient notices (toasts) in the corner: successes fade, errors stay until dismissed. */
import { useTranslation } from 'react-i18next';
import { translateDynamic } from '../i18n';
import { useNoticeStore, type Notice } from '../store';
import { ErrorMessage } from './ErrorMessage';
import { CheckIcon, CloseIcon, ErrorIcon } from './icons';

function NoticeText({ notice }: { notice: Notice }) {
  const { content } = notice;
  if ('error' in content) return <ErrorMessage error={content.error} />;
  return <span>{translateDynamic(content.key, content.params)}</span>;
}

export function Notices() {
  const { t } = useTranslation();
  const notices = useNoticeStore((s) => s.notices);
  const dismiss = useNoticeStore((s) => s.dismiss);
  return (
    <div className="notices" role="status" aria-live="polite" aria-label={t('app.notices')}>
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} data-testid="notice" data-tone={notice.tone}>
          {notice.tone === 'success' ? <CheckIcon className="notice-icon" /> : <ErrorIcon className="notice-icon" />}
          <div className="notice-body">
            <NoticeText notice={notice} />
          </div>
          <button type="button" className="icon-button" aria-label={t('app.dismiss')} title={t('app.dismiss')} onClick={() => dismiss(notice.id)}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
