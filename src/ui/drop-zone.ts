/**
 * Makes an element take dropped files: it is marked `dragging` while files are held over it, and
 * `onFiles` gets what was dropped. The one way the dashboard and the lab take a drop.
 */
export function acceptDrops(element: HTMLElement, onFiles: (files: readonly File[]) => void): void {
  element.addEventListener('dragover', (e) => {
    e.preventDefault();
    element.classList.add('dragging');
  });
  element.addEventListener('dragleave', () => element.classList.remove('dragging'));
  element.addEventListener('drop', (e) => {
    e.preventDefault();
    element.classList.remove('dragging');
    onFiles(e.dataTransfer ? [...e.dataTransfer.files] : []);
  });
}
