/**
 * A long name or text shortened to `max` characters, the last an ellipsis, so a notice, a label
 * or a picture stays readable. Counts characters, not UTF-16 units: an emoji is never split.
 */
export function clip(text: string, max = 60): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
