import type Phaser from 'phaser';
import { REGIMES, type Regime } from '../../engine';
import type { Layout } from './layout';
import { mix, REGIME_COLORS } from './palette';

/**
 * A round badge whose icon names the regime by shape, for players who cannot tell the colours
 * apart: a rising arrow (momentum), lightning (chaos), a padlock (stagnation), a wave (drift).
 * Icons cross-fade with the regime blend.
 */
export function drawEmblem(
  g: Phaser.GameObjects.Graphics,
  L: Layout,
  weights: Float32Array,
  t: number,
  reduced: boolean,
): void {
  g.clear();
  const { x, y } = L.emblem;
  let color = 0;
  let total = 0;
  for (let i = 0; i < REGIMES.length; i++) {
    const regime = REGIMES[i];
    const w = weights[i] ?? 0;
    if (!regime || w <= 0) continue;
    total += w;
    color = total === w ? REGIME_COLORS[regime] : mix(color, REGIME_COLORS[regime], w / total);
  }
  const chaos = weights[REGIMES.indexOf('chaos')] ?? 0;
  const r = L.emblem.r * (reduced ? 1 : 1 + 0.07 * chaos * Math.sin(t * 10));
  g.fillStyle(0x000000, 0.25).fillCircle(x + r * 0.06, y + r * 0.1, r);
  g.fillStyle(0xffffff, 1).fillCircle(x, y, r);
  g.fillStyle(color, 1).fillCircle(x, y, r * 0.88);
  for (let i = 0; i < REGIMES.length; i++) {
    const regime = REGIMES[i];
    const w = weights[i] ?? 0;
    if (regime && w > 0.02) ICONS[regime](g, x, y, r * 0.62, w);
  }
}

type Icon = (g: Phaser.GameObjects.Graphics, x: number, y: number, u: number, a: number) => void;

const ICONS: Record<Regime, Icon> = {
  momentum(g, x, y, u, a) {
    g.lineStyle(u * 0.2, 0xffffff, a);
    g.beginPath();
    g.moveTo(x - u * 0.75, y + u * 0.55);
    g.lineTo(x - u * 0.2, y);
    g.lineTo(x + u * 0.1, y + u * 0.3);
    g.lineTo(x + u * 0.5, y - u * 0.2);
    g.strokePath();
    g.fillStyle(0xffffff, a);
    g.fillTriangle(x + u * 0.78, y - u * 0.5, x + u * 0.2, y - u * 0.4, x + u * 0.66, y + u * 0.06);
  },
  chaos(g, x, y, u, a) {
    g.fillStyle(0xffffff, a);
    g.beginPath();
    g.moveTo(x + u * 0.2, y - u * 0.9);
    g.lineTo(x - u * 0.5, y + u * 0.12);
    g.lineTo(x - u * 0.02, y + u * 0.12);
    g.lineTo(x - u * 0.25, y + u * 0.9);
    g.lineTo(x + u * 0.5, y - u * 0.16);
    g.lineTo(x + u * 0.04, y - u * 0.16);
    g.closePath();
    g.fillPath();
  },
  stagnation(g, x, y, u, a) {
    g.lineStyle(u * 0.18, 0xffffff, a);
    g.beginPath();
    g.arc(x, y - u * 0.2, u * 0.34, Math.PI, 0, false);
    g.strokePath();
    g.lineBetween(x - u * 0.34, y - u * 0.2, x - u * 0.34, y);
    g.lineBetween(x + u * 0.34, y - u * 0.2, x + u * 0.34, y);
    g.fillStyle(0xffffff, a).fillRoundedRect(x - u * 0.6, y - u * 0.05, u * 1.2, u * 0.85, u * 0.12);
    g.fillStyle(0x3a4350, a).fillCircle(x, y + u * 0.3, u * 0.13);
    g.fillRect(x - u * 0.05, y + u * 0.3, u * 0.1, u * 0.3);
  },
  drift(g, x, y, u, a) {
    g.lineStyle(u * 0.17, 0xffffff, a);
    for (let row = 0; row < 2; row++) {
      const oy = y + (row === 0 ? -u * 0.25 : u * 0.3);
      g.beginPath();
      for (let k = 0; k <= 12; k++) {
        const px = x - u * 0.8 + (u * 1.6 * k) / 12;
        const py = oy + Math.sin((k / 12) * Math.PI * 2) * u * 0.2;
        if (k === 0) g.moveTo(px, py);
        else g.lineTo(px, py);
      }
      g.strokePath();
    }
  },
};
