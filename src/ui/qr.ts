import { encode } from 'uqr';
import { svg } from './dom';

/**
 * A QR code of `text` as an SVG drawn from the library's module matrix: one path of dark
 * squares on a white field with the standard quiet zone, so a phone camera reads it off a
 * screen or a printed page. Nothing from the text is ever inserted as markup.
 */
export function qrCode(text: string, label: string): SVGSVGElement {
  const qr = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return svg(
    'svg',
    {
      viewBox: `0 0 ${qr.size} ${qr.size}`,
      class: 'qr',
      role: 'img',
      'aria-label': label,
      'shape-rendering': 'crispEdges',
    },
    svg('rect', { width: qr.size, height: qr.size, fill: '#ffffff' }),
    svg('path', { d, fill: '#000000' }),
  );
}
