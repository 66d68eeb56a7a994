/**
 * The segmented switch between the four diff views (a WAI-ARIA tab list: arrows, Home and
 * End move between the views; the open view's tab is the one in the tab order).
 */
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tabKeyTarget } from '../../preview/workbook-view';
import { DIFF_VIEWS, type DiffView } from '../store';

export function ViewSwitch({ view, onChange }: { view: DiffView; onChange: (view: DiffView) => void }) {
  const { t } = useTranslation();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = tabKeyTarget(event.key, DIFF_VIEWS.indexOf(view), DIFF_VIEWS.length);
    if (target === null) return;
    event.preventDefault();
    event.stopPropagation();
    const next = DIFF_VIEWS[target]!;
    onChange(next);
    buttons.current[target]?.focus();
  };

  return (
    <div className="diff-switch" role="tablist" aria-label={t('diff.views.label')} data-testid="diff-views" onKeyDown={onKeyDown}>
      {DIFF_VIEWS.map((name, index) => (
        <button
          key={name}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`diff-view-${name}`}
          className="diff-switch-button"
          data-testid={`diff-view-${name}`}
          aria-selected={view === name}
          aria-controls="diff-view-panel"
          tabIndex={view === name ? 0 : -1}
          title={t(`diff.views.help.${name}`)}
          onClick={() => onChange(name)}
        >
          {t(`diff.views.${name}`)}
        </button>
      ))}
    </div>
  );
}
