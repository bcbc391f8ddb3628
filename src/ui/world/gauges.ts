import type Phaser from 'phaser';
import { DEPTH } from './depths';
import type { Layout } from './layout';
import { FONT, METER_COLORS } from './palette';
import { approach, clamp } from './smooth';
import type { WorldView } from './view';

type MeterName = keyof WorldView['meters'];

const METERS: readonly { key: MeterName; label: string }[] = [
  { key: 'morale', label: 'Morale' },
  { key: 'execution', label: 'Execution' },
  { key: 'innovation', label: 'Innovation' },
];

/** Seconds a rise or fall marker stays visible after a meter changes. */
const MARK_TIME = 1.8;

interface Row {
  target: number;
  shown: number;
  printed: number;
  /** +1 rose, -1 fell; fades with age. */
  trend: number;
  age: number;
  label: Phaser.GameObjects.Text;
  value: Phaser.GameObjects.Text;
}

/** Three bar gauges with "Morale 64"-style labels in a panel; values ease to their targets. */
export class Gauges {
  private readonly rows: Row[];
  private seen = false;

  constructor(
    scene: Phaser.Scene,
    private readonly g: Phaser.GameObjects.Graphics,
    resolution: number,
  ) {
    const style = { fontFamily: FONT, fontSize: '14px', color: '#ffffff', resolution };
    this.rows = METERS.map((m) => {
      const label = scene.add.text(0, 0, m.label, style).setDepth(DEPTH.hudText);
      const value = scene.add
        .text(0, 0, '0', { ...style, fontStyle: 'bold' })
        .setOrigin(1, 0)
        .setDepth(DEPTH.hudText);
      return { target: 0, shown: 0, printed: -1, trend: 0, age: MARK_TIME, label, value };
    });
  }

  set(meters: WorldView['meters'], instant: boolean): void {
    for (let i = 0; i < METERS.length; i++) {
      const row = this.rows[i];
      const meter = METERS[i];
      if (!row || !meter) continue;
      const v = clamp(meters[meter.key], 0, 100);
      if (this.seen && v !== row.target) {
        row.trend = v > row.target ? 1 : -1;
        row.age = 0;
      }
      row.target = v;
      if (instant || !this.seen) row.shown = v;
    }
    this.seen = true;
  }

  relayout(L: Layout): void {
    const { x, y, w, pad, rowH, font } = L.hud;
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i];
      if (!row) continue;
      const top = y + pad + i * rowH;
      row.label.setFontSize(font).setPosition(x + pad, top);
      row.value.setFontSize(font).setPosition(x + w - pad, top);
    }
  }

  update(L: Layout, dt: number, reduced: boolean): void {
    const g = this.g;
    const { x, y, w, h, pad, rowH, font } = L.hud;
    g.clear();
    g.fillStyle(0x121722, 0.8).fillRoundedRect(x, y, w, h, Math.max(4, font * 0.4));
    const barX = x + pad;
    const barW = w - pad * 2;
    const barH = Math.max(4, Math.round(font * 0.36));
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i];
      const meter = METERS[i];
      if (!row || !meter) continue;
      row.shown = approach(row.shown, row.target, dt, reduced ? 0 : 0.35);
      row.age += dt;
      const printed = Math.round(row.shown);
      if (printed !== row.printed) {
        row.printed = printed;
        row.value.setText(String(printed));
      }
      const top = y + pad + i * rowH;
      const barY = top + font * 1.22;
      g.fillStyle(0xffffff, 0.16).fillRect(barX, barY, barW, barH);
      g.fillStyle(METER_COLORS[meter.key], 1).fillRect(barX, barY, (barW * row.shown) / 100, barH);
      g.fillStyle(0xffffff, 0.55).fillRect(barX + barW / 2 - 0.5, barY - 1, 1, barH + 2);
      // A small up or down triangle left of the number after a change.
      const fade = row.trend === 0 ? 0 : clamp(1 - row.age / MARK_TIME, 0, 1);
      if (fade > 0) {
        const tx = row.value.x - row.value.width - font * 0.55;
        const ty = top + font * 0.62;
        const k = font * 0.32;
        g.fillStyle(row.trend > 0 ? 0x4ade80 : 0xff6b6b, fade);
        if (row.trend > 0) g.fillTriangle(tx - k, ty + k * 0.6, tx + k, ty + k * 0.6, tx, ty - k * 0.8);
        else g.fillTriangle(tx - k, ty - k * 0.6, tx + k, ty - k * 0.6, tx, ty + k * 0.8);
      }
    }
  }
}
