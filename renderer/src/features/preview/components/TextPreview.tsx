/**
 * A text file with identifiers masked by main: numbered lines (virtualized, 20 px each, so a
 * 20,000-line file stays light), each masked range highlighted with its detector; a finding's
 * line can be brought into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskedText } from '../../../../../shared/ipc/schemas/preview';
import { hasMessage, translateDynamic } from '../../../app/i18n';
import { segmentLine } from '../text-segments';

const LINE_HEIGHT = 20;

type Line = MaskedText['lines'][number];

/** `jump`: a line (1-based) to bring to the middle of the view; `seq` makes a repeat request count. */
export function TextPreview({ text, jump = null }: { text: MaskedText; jump?: { line: number; seq: number } | null }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const lines = text.lines;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer never leaves this component.
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
    paddingStart: 6,
    paddingEnd: 6,
    useFlushSync: false,
  });
  const jumpLine = jump?.line;
  const jumpSeq = jump?.seq;
  useEffect(() => {
    if (jumpLine === undefined || lines.length === 0) return;
    virtualizer.scrollToIndex(Math.min(Math.max(jumpLine, 1), lines.length) - 1, { align: 'center' });
  }, [jumpLine, jumpSeq, lines.length, virtualizer]);
  const gutter = Math.max(40, String(lines.length).length * 8 + 20);
  const detectorTitle = useMemo(() => (id: string) => (hasMessage(`detectors.${id}`) ? translateDynamic(`detectors.${id}`) : id), []);

  return (
    <div ref={scrollRef} className="text-scroll" data-testid="text-preview" data-lines={lines.length} tabIndex={0} aria-label={t('preview.text.label', { file: text.file })}>
      <div className="text-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index];
          return line ? <TextLine key={item.key} line={line} top={item.start} gutter={gutter} detectorTitle={detectorTitle} /> : null;
        })}
      </div>
    </div>
  );
}

const TextLine = memo(function TextLine({ line, top, gutter, detectorTitle }: { line: Line; top: number; gutter: number; detectorTitle: (id: string) => string }) {
  const segments = segmentLine(line.text, line.ranges);
  return (
    <div className="text-line" data-testid="text-line" data-line={line.line} style={{ transform: `translateY(${top}px)` }}>
      <span className="text-gutter tabular" style={{ width: gutter }} aria-hidden="true">
        {line.line}
      </span>
      <span className="text-content">
        {segments.map((segment, i) =>
          segment.detector === null ? (
            segment.text
          ) : (
            <mark key={i} className="text-hit" data-testid="text-hit" data-detector={segment.detector} title={detectorTitle(segment.detector)}>
              {segment.text}
            </mark>
          ),
        )}
      </span>
    </div>
  );
});
