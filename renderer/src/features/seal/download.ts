/**
 * Saves bytes the workstation produced (the sealed PDF, the ledger CSV) as a file through an
 * `<a download>` link on an object URL: Electron denies new windows, and a download asks the
 * user where to save it. The URL is revoked once the download has had time to start.
 */
const REVOKE_AFTER_MS = 60_000;

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
