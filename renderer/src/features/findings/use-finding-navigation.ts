/**
 * Going to a finding: selects it in the panel and opens its location — the preview with its
 * file and sheet chosen and the row and column brought into view, or the diff view that shows
 * it, focused through the diff store. `n`/`p` step through the findings in panel order.
 */
import { useCallback } from 'react';
import type { FindingItem } from '../../../../shared/ipc/schemas/review';
import { useDiffStore } from '../diff/store';
import { candidateKey, usePreviewStore } from '../preview/store';
import { jumpTarget, stepKey } from './findings-model';
import { useFindingsStore } from './store';

export type FindingNavigation = {
  /** Selects the finding and shows its location. */
  go: (item: FindingItem) => void;
  /** Goes to the next (`1`) or previous (`-1`) finding of `items` (in panel order), wrapping. */
  step: (items: readonly FindingItem[], direction: 1 | -1) => void;
};

export function useFindingNavigation(id: string, revision: number): FindingNavigation {
  const key = candidateKey(id, revision);

  const go = useCallback(
    (item: FindingItem) => {
      const findings = useFindingsStore.getState();
      findings.select(key, item.key);
      const target = jumpTarget(item.finding);
      const preview = usePreviewStore.getState();
      switch (target.kind) {
        case 'preview': {
          const { kind: _kind, ...spot } = target;
          preview.setTab(key, 'preview');
          preview.setFile(key, target.file);
          if (target.sheet !== undefined) preview.setSheet(key, target.file, target.sheet);
          preview.showSpot({ candidate: key, ...spot });
          break;
        }
        case 'diff':
          useDiffStore.getState().setFocus(key, target.focus);
          preview.setTab(key, 'diff');
          break;
        case 'none':
          break;
      }
    },
    [key],
  );

  const step = useCallback(
    (items: readonly FindingItem[], direction: 1 | -1) => {
      const next = stepKey(
        items.map((i) => i.key),
        useFindingsStore.getState().selected[key],
        direction,
      );
      const item = items.find((i) => i.key === next);
      if (!item) return;
      useFindingsStore.getState().setPaneOpen(true);
      go(item);
    },
    [go, key],
  );

  return { go, step };
}
