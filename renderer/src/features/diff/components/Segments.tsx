/**
 * One side of a conformance row: main's segments drawn with their class; a differing,
 * missing or extra part says what it is in words (visually hidden, and as a tooltip) so the
 * highlight is not colour alone, and its markers are hidden from screen readers.
 */
import { useTranslation } from 'react-i18next';
import type { DiffSegment } from '../../../../../shared/ipc/schemas/review';
import { segmentViews, type SegmentSide } from '../segments';

type Props = {
  segments: readonly DiffSegment[];
  side: SegmentSide;
  /** What an empty side says (an empty value, or no required form for a field the policy does not authorize). */
  empty: string;
  testId?: string;
};

export function Segments({ segments, side, empty, testId }: Props) {
  const { t } = useTranslation();
  const views = segmentViews(segments, side);
  if (views.length === 0) {
    return (
      <span className="segments seg-none muted" data-testid={testId}>
        {empty}
      </span>
    );
  }
  return (
    <span className={`segments side-${side}`} data-testid={testId}>
      {views.map((view, i) => {
        if (view.labelKey === null) {
          return (
            <span key={i} className={view.className}>
              {view.text}
            </span>
          );
        }
        const label = t(view.labelKey, { count: view.length, n: view.length });
        return (
          <mark key={i} className={view.className} data-kind={view.kind} title={label}>
            <span className="visually-hidden">{`[${label}]`}</span>
            <span aria-hidden="true">{view.text}</span>
          </mark>
        );
      })}
    </span>
  );
}
