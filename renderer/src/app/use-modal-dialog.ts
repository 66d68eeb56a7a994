/**
 * Opens a native `<dialog>` as a modal when the component mounts (focusing the given field)
 * and closes it when the component unmounts — shared by every dialog of the app.
 */
import { useEffect, type RefObject } from 'react';

export function useModalDialog(dialogRef: RefObject<HTMLDialogElement | null>, focusRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    focusRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, [dialogRef, focusRef]);
}
