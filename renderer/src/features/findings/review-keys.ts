/**
 * The candidate page's review shortcuts: `n`/`p` next/previous finding, `d` between Preview
 * and Diff, `?` the shortcuts dialog — never while typing in a field, while a dialog is open,
 * or with Ctrl/Alt/⌘ held (those belong to the browser and the OS).
 */
import { useEffect, useRef } from 'react';

export type ReviewKeyAction = 'next' | 'previous' | 'toggle-diff' | 'help';

export type KeyContext = {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  defaultPrevented: boolean;
  /** Focus is in a text field, a select or an editable element. */
  editing: boolean;
  dialogOpen: boolean;
};

/** What a key press does on the candidate page, or null when it is not a review shortcut here. */
export function reviewKeyAction(event: KeyContext): ReviewKeyAction | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.editing || event.dialogOpen) return null;
  switch (event.key) {
    case 'n':
      return 'next';
    case 'p':
      return 'previous';
    case 'd':
      return 'toggle-diff';
    // `?` is Shift+/ on most layouts, so Shift is allowed (and needed) here.
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Whether keys typed into `target` are text, not commands. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Calls `handle` for the review shortcuts pressed anywhere on the page. */
export function useReviewKeys(handle: (action: ReviewKeyAction) => void): void {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = reviewKeyAction({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        defaultPrevented: event.defaultPrevented,
        editing: isEditable(event.target),
        dialogOpen: document.querySelector('dialog[open]') !== null,
      });
      if (action === null) return;
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
