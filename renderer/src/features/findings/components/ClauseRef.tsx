/**
 * A clause a finding cites (`§5(3)`), with its text on hover or keyboard focus: the Chinese
 * original, or an English rendering marked as unofficial. The text is a fixed-position card
 * placed beside the reference, so the scrolling panel does not clip it.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasMessage, translateDynamic } from '../../../app/i18n';
import { clauseKey } from '../clauses';

const CARD_WIDTH = 420;
const MARGIN = 8;

type Placement = { left: number; top?: number; bottom?: number; maxHeight: number };

/**
 * Left of `edge` (the findings panel's left side) when there is room, so the card covers the
 * preview and not the findings being read; else below or above the reference.
 */
function placeBeside(anchor: DOMRect, edge: number): Placement {
  const { innerWidth, innerHeight } = window;
  if (edge >= CARD_WIDTH + MARGIN * 3) {
    const left = edge - CARD_WIDTH - MARGIN;
    // Hanging down from the reference while a clause fits below it, else standing up from it.
    return innerHeight - anchor.top >= 320
      ? { left, top: Math.max(MARGIN, anchor.top - 10), maxHeight: innerHeight - Math.max(MARGIN, anchor.top - 10) - MARGIN }
      : { left, bottom: Math.max(MARGIN, innerHeight - anchor.bottom - 10), maxHeight: anchor.bottom + 10 - MARGIN };
  }
  const left = Math.max(MARGIN, Math.min(anchor.left, innerWidth - CARD_WIDTH - MARGIN));
  const below = innerHeight - anchor.bottom - MARGIN * 2;
  const above = anchor.top - MARGIN * 2;
  return below >= 220 || below >= above
    ? { left, top: anchor.bottom + 6, maxHeight: below }
    : { left, bottom: innerHeight - anchor.top + 6, maxHeight: above };
}

export function ClauseRef({ clause }: { clause: string | null }) {
  const { t } = useTranslation();
  const tipId = useId();
  const ref = useRef<HTMLButtonElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);

  if (clause === null) {
    return (
      <span className="clause-ref is-none" title={t('findings.clause.noneTitle')} data-testid="finding-clause" data-clause="">
        {t('findings.clause.none')}
      </span>
    );
  }

  const key = clauseKey(clause);
  const known = key !== null && hasMessage(`clauses.${key}.text`);
  const open = () => {
    if (!known || !ref.current) return;
    const anchor = ref.current.getBoundingClientRect();
    const panel = ref.current.closest('[data-testid="findings-pane"]');
    setPlacement(placeBeside(anchor, panel ? panel.getBoundingClientRect().left : anchor.left));
  };
  const close = () => setPlacement(null);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Escape' && placement !== null) {
      // Escape closes the card; it must not also leave the page.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <>
      <button
        ref={ref}
        type="button"
        className="clause-ref"
        data-testid="finding-clause"
        data-clause={clause}
        aria-describedby={placement ? tipId : undefined}
        aria-label={known ? undefined : t('findings.clause.unknown', { clause })}
        onMouseEnter={open}
        onMouseLeave={close}
        onFocus={open}
        onBlur={close}
        onClick={() => (placement ? close() : open())}
        onKeyDown={onKeyDown}
      >
        {clause}
      </button>
      {placement && key !== null && (
        <span
          id={tipId}
          role="tooltip"
          className="clause-card"
          data-testid="clause-card"
          data-clause={clause}
          style={{ left: placement.left, top: placement.top, bottom: placement.bottom, maxHeight: placement.maxHeight, width: CARD_WIDTH }}
        >
          <span className="clause-card-heading">
            <span className="clause-card-clause">{clause}</span>
            {translateDynamic(`clauses.${key}.heading`)}
          </span>
          <span className="clause-card-text">{translateDynamic(`clauses.${key}.text`)}</span>
          <span className="clause-card-source">
            {t('clauses.source')} · {t('clauses.note')}
          </span>
        </span>
      )}
    </>
  );
}
