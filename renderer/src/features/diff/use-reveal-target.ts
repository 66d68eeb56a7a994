/**
 * Brings the element a focus points at (`data-target="true"` inside `container`) into view
 * when a new focus arrives — the findings panel sets one per click, so clicking the same
 * finding again scrolls again — once the view's data is there.
 */
import { useEffect, type RefObject } from 'react';

export function useRevealTarget(container: RefObject<HTMLElement | null>, focus: object | undefined, ready: boolean): void {
  useEffect(() => {
    if (!ready || focus === undefined) return;
    container.current?.querySelector('[data-target="true"]')?.scrollIntoView({ block: 'center' });
  }, [container, focus, ready]);
}
