import type Phaser from 'phaser';

/**
 * Small drawing helpers that only push commands. Graphics#fillEllipse builds a point array on
 * every call, so per-frame layers use these instead.
 */
export function fillOval(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number): void {
  if (w <= 0 || h <= 0) return;
  g.save();
  g.translateCanvas(x, y);
  g.scaleCanvas(1, h / w);
  g.fillCircle(0, 0, w / 2);
  g.restore();
}

/** A four-pointed sparkle star. */
export function fillSparkle(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number): void {
  const k = r * 0.28;
  g.fillTriangle(x - k, y, x + k, y, x, y - r);
  g.fillTriangle(x - k, y, x + k, y, x, y + r);
  g.fillTriangle(x, y - k, x, y + k, x - r, y);
  g.fillTriangle(x, y - k, x, y + k, x + r, y);
}

/** A rectangle of size w×h centred on (x, y) and turned by angle radians. */
export function fillTurnedRect(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  w: number,
  h: number,
  angle: number,
): void {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const ax = (w / 2) * c;
  const ay = (w / 2) * s;
  const bx = -(h / 2) * s;
  const by = (h / 2) * c;
  g.fillTriangle(x - ax - bx, y - ay - by, x + ax - bx, y + ay - by, x + ax + bx, y + ay + by);
  g.fillTriangle(x - ax - bx, y - ay - by, x + ax + bx, y + ay + by, x - ax + bx, y - ay + by);
}

/** A chevron ">" of the given size and arm thickness, pointing right. */
export function fillChevron(g: Phaser.GameObjects.Graphics, x: number, y: number, size: number): void {
  const h = size / 2;
  const t = size * 0.36;
  const x0 = x - h;
  const x1 = x + h;
  // Upper arm, then lower arm, each a quad of two triangles.
  g.fillTriangle(x0, y - h, x0 + t, y - h, x1, y);
  g.fillTriangle(x0, y - h, x1, y, x1 - t, y);
  g.fillTriangle(x1 - t, y, x1, y, x0 + t, y + h);
  g.fillTriangle(x1 - t, y, x0 + t, y + h, x0, y + h);
}
