import Phaser from 'phaser';
import type { MemberStatus } from '../../engine';
import { drawAbsence, drawCharacter, newPose, type Look } from './character';
import { DEPTH } from './depths';
import type { Shade } from './grade';
import type { Layout } from './layout';
import { FONT, HAIRS, SHIRTS, SKINS } from './palette';
import type { Mood } from './regime-blend';
import { approach, clamp, wobble } from './smooth';
import type { NameBox, WorldMember } from './view';

/** Seconds for a member to walk to a new place, and for a status change to show. */
const MOVE_TAU = 0.55;
const STATUS_TAU = 0.35;

interface Slot {
  id: string;
  name: string;
  status: MemberStatus;
  morale: number;
  look: Look;
  seed: number;
  present: boolean;
  placed: boolean;
  /** Home point (desk or the apart corner), easing toward the target. */
  x: number;
  y: number;
  tx: number;
  ty: number;
  /** Desk the member belongs to, for the outline left when they are gone. */
  deskX: number;
  deskY: number;
  engaged: number;
  gone: number;
  legPhase: number;
  lastX: number;
  lastY: number;
  drawX: number;
  drawY: number;
  /** Where the feet are, without the bob: labels sit here so they do not bounce. */
  footY: number;
  /** Where this member idles when the team drifts apart, spread over the floor. */
  scatterX: number;
  scatterY: number;
  label: Phaser.GameObjects.Text;
  tag: Phaser.GameObjects.Text;
  puzzled: Phaser.GameObjects.Text;
}

export interface TeamFrame {
  dt: number;
  /** Animation clock in seconds; frozen when motion is reduced. */
  t: number;
  /** Shared beat so that momentum moves everyone in step. */
  beat: number;
  mood: Mood;
  /** How much drift is showing, for the puzzled question marks. */
  drift: number;
  reduced: boolean;
  shade: Shade;
}

/** The team: one reusable slot per member, all drawn into a single Graphics each frame. */
export class Team {
  private readonly slots: Slot[] = [];
  private readonly order: number[] = [];
  // Scratch lists for separating names, reused every frame.
  private readonly labelOrder: Phaser.GameObjects.Text[] = [];
  private readonly placedLabels: { left: number; right: number; top: number; bottom: number }[] = [];
  private readonly pose = newPose();
  /** Scratch list of taken floor spots, x then y, reused by scatter(). */
  private readonly spots: number[] = [];
  private count = 0;
  private layout: Layout | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly g: Phaser.GameObjects.Graphics,
    private readonly resolution: number,
  ) {}

  get size(): number {
    return this.count;
  }

  /** Takes the members of a new view; cheap when nothing changed. */
  setMembers(members: readonly WorldMember[]): void {
    for (let i = 0; i < members.length; i++) {
      const m = members[i];
      if (!m) continue;
      const slot = this.slots[i] ?? this.addSlot(i);
      if (slot.id !== m.id) {
        slot.id = m.id;
        slot.placed = false;
      }
      if (slot.name !== m.name) {
        slot.name = m.name;
        slot.label.setText(m.name);
      }
      slot.status = m.status;
      slot.morale = m.morale;
      slot.present = true;
    }
    for (let i = members.length; i < this.slots.length; i++) {
      const slot = this.slots[i];
      if (slot) slot.present = false;
    }
    this.count = members.length;
    this.retarget();
  }

  /** Above the head of the member with this id (at their empty desk once gone), or null. */
  headOf(id: string): { x: number; y: number } | null {
    const L = this.layout;
    const s = this.slots.find((x, i) => i < this.count && x.id === id);
    if (!L || !s || !s.placed) return null;
    const away = s.gone > 0.5 || s.status === 'gone';
    return { x: away ? s.deskX : s.drawX, y: (away ? s.deskY : s.footY) - L.charH * 1.12 };
  }

  relayout(L: Layout): void {
    this.layout = L;
    for (const slot of this.slots) {
      slot.label.setFontSize(L.nameFont);
      slot.tag.setFontSize(L.smallFont);
      slot.puzzled.setFontSize(Math.round(L.charH * 0.32));
      slot.placed = false;
    }
    this.retarget();
  }

  /** Engaged and gone members belong at their desk; disengaged ones stand apart. */
  private retarget(): void {
    const L = this.layout;
    if (!L) return;
    this.scatter(L);
    let apart = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = this.slots[i];
      const desk = L.desks[i];
      if (!slot || !desk) continue;
      slot.deskX = desk.x;
      slot.deskY = desk.y;
      const spot = slot.status === 'disengaged' ? (L.apart[apart++] ?? desk) : desk;
      slot.tx = spot.x;
      slot.ty = spot.y;
      if (!slot.placed) {
        slot.x = slot.lastX = spot.x;
        slot.y = slot.lastY = spot.y;
        slot.engaged = slot.status === 'disengaged' ? 0 : 1;
        slot.gone = slot.status === 'gone' ? 1 : 0;
        slot.placed = true;
      }
    }
  }

  /**
   * Where members idle when the team drifts: picked one by one from a jittered grid over the
   * office, each time the spot farthest from everyone already placed, from the empty desks of
   * those who left and from the disengaged corner. Scattered, yet nobody stacks up or hides an
   * empty desk, even in a phone-sized room.
   */
  private scatter(L: Layout): void {
    const box = L.scatter;
    const spots = this.spots;
    spots.length = 0;
    for (let j = 0; j < this.count; j++) {
      const desk = L.desks[j];
      if (this.slots[j]?.status === 'gone' && desk) spots.push(desk.x, desk.y);
    }
    const corner = L.apart[0];
    if (corner) spots.push(corner.x, corner.y);
    const cols = 7;
    const rows = 4;
    // Bodies overlap when closer than about a body width across or a head-and-torso height deep.
    const sx = 1 / (L.charH * 0.45);
    const sy = 1 / (L.charH * 0.7);
    for (let i = 0; i < this.count; i++) {
      const slot = this.slots[i];
      if (!slot || slot.status !== 'engaged') continue;
      let best = -1;
      for (let c = 0; c < cols * rows; c++) {
        const x = box.x + (box.w * ((c % cols) + 0.5 + 0.3 * Math.sin(c * 12.9898))) / cols;
        const y = box.y + (box.h * (Math.floor(c / cols) + 0.5 + 0.3 * Math.sin(c * 78.233))) / rows;
        let near = Infinity;
        for (let k = 0; k < spots.length; k += 2) {
          const d = Math.max(Math.abs(x - (spots[k] ?? 0)) * sx, Math.abs(y - (spots[k + 1] ?? 0)) * sy);
          if (d < near) near = d;
        }
        if (near > best) {
          best = near;
          slot.scatterX = x;
          slot.scatterY = y;
        }
      }
      spots.push(slot.scatterX, slot.scatterY);
    }
  }

  update(f: TeamFrame): void {
    const L = this.layout;
    const g = this.g;
    g.clear();
    if (!L) return;
    const H = L.charH;
    const mood = f.mood;
    const moveTau = f.reduced ? 0 : MOVE_TAU;
    const statusTau = f.reduced ? 0 : STATUS_TAU;
    this.order.length = 0;

    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i];
      if (!s) continue;
      if (!s.present) {
        s.label.setVisible(false);
        s.tag.setVisible(false);
        s.puzzled.setVisible(false);
        continue;
      }
      s.x = approach(s.x, s.tx, f.dt, moveTau);
      s.y = approach(s.y, s.ty, f.dt, moveTau);
      s.engaged = approach(s.engaged, s.status === 'disengaged' ? 0 : 1, f.dt, statusTau);
      s.gone = approach(s.gone, s.status === 'gone' ? 1 : 0, f.dt, statusTau);

      // Only engaged people take part in the team's regime; the rest stay put.
      const act = s.engaged * (1 - s.gone);
      const t = f.t;
      const k = s.seed;
      let dx = 0;
      let dy = 0;
      if (mood.dart > 0.001) {
        dx += mood.dart * L.slotW * 0.42 * wobble(t * 1.25, k);
        dy += mood.dart * H * 0.22 * wobble(t * 1.05, k + 0.37);
      }
      if (mood.jitter > 0.001 && !f.reduced) {
        dx += mood.jitter * H * Math.sin(t * 33 + k * 50);
        dy += mood.jitter * H * Math.sin(t * 29 + k * 20);
      }
      if (mood.wander > 0.001) {
        // Off to their own spot, then ambling around it.
        dx += mood.wander * (s.scatterX - s.x + L.roam.w * 0.09 * Math.sin(t * 0.23 * (0.6 + k) + k * 40));
        dy += mood.wander * (s.scatterY - s.y + L.roam.h * 0.12 * Math.sin(t * 0.19 * (0.7 + k * 0.8) + k * 17));
      }
      // Momentum: everyone surges toward the goal together, in one rhythm.
      dx += mood.march * L.marchDx * (0.7 + 0.3 * Math.sin(f.beat * Math.PI * 0.5));
      const phase = f.beat * Math.PI + k * Math.PI * 2 * (1 - mood.sync);
      const bob = f.reduced ? 0 : -mood.bob * H * Math.abs(Math.sin(phase));

      const x = clamp(s.x + dx * act, L.roam.x, L.roam.x + L.roam.w);
      const y = clamp(s.y + dy * act, L.roam.y, L.roam.y + L.roam.h);
      const moved = Math.abs(x - s.lastX) + Math.abs(y - s.lastY);
      s.lastX = x;
      s.lastY = y;
      s.legPhase += (moved / (H * 0.22)) * Math.PI;
      s.drawX = x;
      s.footY = y;
      s.drawY = y + bob * act;
      this.order.push(i);
    }

    // Painter's order: whoever stands further forward is drawn last.
    const order = this.order;
    for (let i = 1; i < order.length; i++) {
      const v = order[i] ?? 0;
      const vy = this.slots[v]?.drawY ?? 0;
      let j = i - 1;
      while (j >= 0 && (this.slots[order[j] ?? 0]?.drawY ?? 0) > vy) {
        order[j + 1] = order[j] ?? 0;
        j--;
      }
      order[j + 1] = v;
    }

    for (const i of order) {
      const s = this.slots[i];
      if (s) this.drawSlot(s, L, f);
    }
    this.separateLabels();
  }

  /** The name labels on show, where they are drawn. */
  nameBoxes(): NameBox[] {
    const out: NameBox[] = [];
    for (const s of this.slots) {
      if (!s?.present || !s.label.visible) continue;
      const half = s.label.displayWidth / 2;
      out.push({
        name: s.label.text,
        left: s.label.x - half,
        top: s.label.y,
        right: s.label.x + half,
        bottom: s.label.y + s.label.displayHeight,
      });
    }
    return out;
  }

  /**
   * Names of people standing close would print over each other, worst with the presenter
   * layout's larger text: each name, from the highest down, moves below any name it would cover.
   */
  private separateLabels(): void {
    const shown = this.labelOrder;
    shown.length = 0;
    for (const s of this.slots) if (s?.present && s.label.visible) shown.push(s.label);
    shown.sort((a, b) => a.y - b.y || a.x - b.x);
    const placed = this.placedLabels;
    placed.length = 0;
    for (const label of shown) {
      const half = label.displayWidth / 2;
      let top = label.y;
      // Each move goes down past one name; a name can be moved at most once per name above it.
      for (let moved = true, tries = 0; moved && tries <= placed.length; tries++) {
        moved = false;
        for (const box of placed) {
          const apart =
            label.x + half <= box.left ||
            label.x - half >= box.right ||
            top + label.displayHeight <= box.top ||
            top >= box.bottom;
          if (!apart) {
            top = box.bottom + 1;
            moved = true;
          }
        }
      }
      label.setY(top);
      placed.push({ left: label.x - half, right: label.x + half, top, bottom: top + label.displayHeight });
    }
  }

  private drawSlot(s: Slot, L: Layout, f: TeamFrame): void {
    const H = L.charH;
    const mood = f.mood;
    const t = f.t;
    const act = s.engaged * (1 - s.gone);
    const p = this.pose;

    if (s.gone > 0.01) drawAbsence(this.g, s.deskX, s.deskY, H, s.gone, f.shade);

    const walking = clamp(Math.sin(s.legPhase), -1, 1);
    const inStep = f.reduced ? 0 : Math.sin(f.beat * Math.PI) * mood.march;
    p.step = clamp(walking * (f.reduced ? 0 : 1) + inStep * act, -1, 1);
    p.swing = p.step;
    p.slump = Math.max(mood.slump * act, 1 - s.engaged);
    p.lean =
      (mood.dart * 0.16 * wobble(t * 1.9, s.seed + 0.11) + mood.wander * 0.05 * Math.sin(t * 0.5 + s.seed * 9)) * act +
      mood.march * 0.06 * act +
      0.12 * (1 - s.engaged);
    p.armsUp = mood.armsUp * act * (f.reduced ? 0.85 : 0.7 + 0.3 * Math.abs(Math.sin(t * 5 + s.seed * 7)));
    p.smile = clamp((s.morale - 50) / 30, -1, 1) - 0.8 * (1 - s.engaged) - mood.armsUp * 0.5 - mood.slump * 0.6;
    p.smile = clamp(p.smile, -1, 1);
    p.grey = 1 - s.engaged;
    p.alpha = (1 - s.gone) * (1 - 0.15 * (1 - s.engaged));
    drawCharacter(this.g, s.drawX, s.drawY, H, s.look, p, f.shade);

    // Labels follow the person; a gone member's name stays at their empty desk.
    const lx = s.gone > 0.5 ? s.deskX : s.drawX;
    const ly = s.gone > 0.5 ? s.deskY : s.footY;
    s.label.setVisible(true).setPosition(lx, ly + 2);
    s.label.setAlpha(1 - 0.45 * Math.max(1 - s.engaged, s.gone));
    s.tag
      .setVisible(s.gone > 0.02)
      .setAlpha(s.gone)
      .setPosition(s.deskX, s.deskY - H * 0.42);
    const q = f.drift * act;
    s.puzzled.setVisible(q > 0.02).setAlpha(q);
    if (q > 0.02) {
      const qb = f.reduced ? 0 : Math.sin(t * 2 + s.seed * 6) * H * 0.03;
      s.puzzled.setPosition(s.drawX + H * 0.2, s.drawY - H * 1.02 + qb);
    }
  }

  private addSlot(i: number): Slot {
    const scene = this.scene;
    const style: Phaser.Types.GameObjects.Text.TextStyle = {
      fontFamily: FONT,
      fontSize: '12px',
      color: '#1b2130',
      backgroundColor: 'rgba(255,255,255,0.82)',
      padding: { x: 4, y: 1 },
      resolution: this.resolution,
    };
    const label = scene.add.text(0, 0, '', style).setOrigin(0.5, 0).setDepth(DEPTH.labels);
    const tag = scene.add
      .text(0, 0, 'left', { ...style, color: '#ffffff', backgroundColor: '#a3343a', fontStyle: 'bold' })
      .setOrigin(0.5, 1)
      .setDepth(DEPTH.tags);
    const puzzled = scene.add
      .text(0, 0, '?', {
        fontFamily: FONT,
        fontSize: '16px',
        fontStyle: 'bold',
        color: '#3f7fa0',
        stroke: '#ffffff',
        strokeThickness: 3,
        resolution: this.resolution,
      })
      .setOrigin(0.5, 1)
      .setDepth(DEPTH.puzzled);
    const slot: Slot = {
      id: '',
      name: '',
      status: 'engaged',
      morale: 50,
      look: {
        shirt: SHIRTS[i % SHIRTS.length] ?? 0x888888,
        skin: SKINS[(i * 3) % SKINS.length] ?? 0xe0b090,
        hair: HAIRS[(i * 5) % HAIRS.length] ?? 0x222222,
      },
      seed: ((i * 0.618034) % 1) + 0.05,
      present: false,
      placed: false,
      x: 0,
      y: 0,
      tx: 0,
      ty: 0,
      deskX: 0,
      deskY: 0,
      engaged: 1,
      gone: 0,
      legPhase: 0,
      lastX: 0,
      lastY: 0,
      drawX: 0,
      drawY: 0,
      footY: 0,
      scatterX: 0,
      scatterY: 0,
      label,
      tag,
      puzzled,
    };
    if (this.layout) {
      label.setFontSize(this.layout.nameFont);
      tag.setFontSize(this.layout.smallFont);
      puzzled.setFontSize(Math.round(this.layout.charH * 0.32));
    }
    this.slots[i] = slot;
    return slot;
  }
}
