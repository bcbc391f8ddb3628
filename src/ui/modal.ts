/**
 * Shows a dialog as a modal that closes once: its own buttons, Esc and the browser's close all
 * end in `finish`, which closes and removes it at once (the close event alone can come too
 * late) and calls `onClose` a single time. Returns the dialog and that finish.
 */
export function showModal(dialog: HTMLDialogElement, onClose: () => void): () => void {
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    if (dialog.open) dialog.close();
    dialog.remove();
    onClose();
  };
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    finish();
  });
  dialog.addEventListener('close', finish);
  document.body.append(dialog);
  dialog.showModal();
  return finish;
}
