/**
 * The watermark over every preview: the reviewer's name and the current time (updated each
 * minute), repeated diagonally and semi-transparent. Plain DOM text tiles in a rotated field —
 * the CSP allows no data: images — that ignore the pointer, so the preview stays usable.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useMinuteClock } from '../use-minute-clock';

const TILE_WIDTH = 260;
const TILE_HEIGHT = 120;
const MAX_TILES = 900;

export function Watermark() {
  const { t } = useTranslation();
  const now = useMinuteClock();
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 1280, height: 800 });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (rect) setSize({ width: Math.ceil(rect.width), height: Math.ceil(rect.height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const reviewer = t('preview.watermark.reviewer');
  const time = formatDateTime(now.toISOString());
  // A square field of side width + height, rotated about the centre, covers the whole overlay.
  const side = size.width + size.height + TILE_WIDTH;
  const columns = Math.max(1, Math.ceil(side / TILE_WIDTH));
  const rows = Math.max(1, Math.ceil(side / TILE_HEIGHT));
  const count = Math.min(columns * rows, MAX_TILES);

  return (
    <div ref={ref} className="watermark" data-testid="watermark" data-reviewer={reviewer} data-time={time} aria-hidden="true">
      <div className="watermark-field" style={{ width: columns * TILE_WIDTH, height: rows * TILE_HEIGHT }}>
        {Array.from({ length: count }, (_, i) => (
          <div key={i} className={Math.floor(i / columns) % 2 === 1 ? 'watermark-tile offset' : 'watermark-tile'}>
            <span>{reviewer}</span>
            <span>{time}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
