import { ASPECTS } from './aspects';
import { actionIndex, CATALOGUE, type ActionDef } from './catalogue';
import { Ledger, type Cause } from './causes';
import { applyDrift, applyExpectations, applyPressures } from './dynamics';
import { answers, applyCallPressure, calls } from './calls';
import { applyEvent, drawEvent } from './events';
import { cool, gained, HEAT_PER_USE, strengthOf } from './heat';
import { plainSetup } from './create';
import { capacity, reactionTable, updateMembers, type Reaction } from './members';
import { endingOf, scoreBreakdown } from './outcome';
import { isHigh, leadershipIndex, managementIndex, regimeOf } from './regimes';
import { draftOf, type Draft } from './draft';
import { restoreRng, type Rng } from './rng';
import { applyShift, applyShiftPressure, dueShift, settles, shiftOf } from './shifts';
import type { Fact } from './step-types';
import type { Choice, GameState, Regime, Setup } from './state-types';
import { clamp, div, type Vars } from './variables';

const RISK = { success: [9, 5, 3], failure: [-6, -6, -3], base: 25, cap: 85 } as const;

// Percent chance a calculated risk pays off: predictability and structure make bets safer.
export function riskOdds(v: Vars): number {
  return Math.min(RISK.cap, RISK.base + div(v.control, 2) + div(v.structure, 4));
}

interface Ctx {
  readonly d: Draft;
  readonly ledger: Ledger;
  readonly rng: Rng;
  readonly facts: Fact[];
  // Members someone attended to in person this turn: coached or trusted with a task.
  readonly attended: string[];
  // Who reacts to each catalogue action, and how, looked up once a turn.
  readonly reactions: readonly (readonly Reaction[])[];
  // The scenario's setup, as a plain copy the rules read quickly.
  readonly setup: Setup;
  // Whether the turn's story is told: facts and causes for a player, none for a bot's search.
  readonly explain: boolean;
}

// The ledger of turns resolved without their story: it applies changes and keeps nothing.
const SILENT = new Ledger(false);

// Each catalogue action's aspect as an index into ASPECTS, found once rather than per choice.
const ASPECT_INDEX = CATALOGUE.map((a) => ASPECTS.indexOf(a.aspect));

// Resolves the turn: the chosen actions in order, delayed effects now due, at most one event,
// the pull of open shifts, a new shift if one is due, the team's own dynamics, members, then the
// regime and the end. Without `explain`, the same state comes with no facts and no causes.
export function resolveTurn(
  state: GameState,
  explain = true,
): { ok: true; state: GameState; facts: Fact[]; causes: Cause[] } {
  const ledger = explain ? new Ledger() : SILENT;
  const facts: Fact[] = [];
  const d = draftOf(state);
  const rng = restoreRng(d.rng);
  const setup = plainSetup(d.setup);
  const reactions = reactionTable(setup.traits, d.cast);
  const ctx: Ctx = { d, ledger, rng, facts, attended: [], reactions, setup, explain };
  for (const choice of state.plan) resolveChoice(ctx, choice);
  landDelayed(ctx);
  const ev = drawEvent(setup.events, setup.eventChance, d, d.turn, d.fired, rng);
  if (ev !== null) {
    const { fact, guardUsed } = applyEvent(ev, d.vars, d.members, d.guard, ledger, rng);
    if (guardUsed) d.guard -= 1;
    if (!d.fired.includes(ev.id)) d.fired = [...d.fired, ev.id];
    if (calls(ev)) d.calls = [...d.calls, { event: ev.id, turn: d.turn, member: fact.member, open: true }];
    facts.push(fact);
  }
  applyCallPressure(setup.events, d.calls, d.turn, d.vars, ledger);
  applyShiftPressure(setup.shifts, d.situations, d.shifted, d.settled, d.turn, d.vars, ledger);
  const due = dueShift(setup.shifts, d.situations, d, d.turn, d.shifted);
  if (due >= 0) {
    const shift = shiftOf(setup.shifts, d.situations[due]!.shift);
    const fact = applyShift(shift, d.vars, d.members, ledger, rng);
    if (explain) facts.push(fact);
    d.shifted = [...d.shifted, shift.id];
    // The turn it struck and whom it touched: its pull grows from then, and an aimed answer goes to them.
    d.situations = d.situations.map((x, i) => (i === due ? { shift: x.shift, turn: d.turn, member: fact.member } : x));
    if (shift.timeBudget !== null) d.budget = shift.timeBudget;
  }
  applyPressures(d.vars, ledger);
  if (state.regime === 'momentum' && state.turn > 1) applyExpectations(d.vars, state.streak, ledger);
  applyDrift(d.vars, capacity(d.members), ledger);
  facts.push(...updateMembers(d.members, ctx.attended, d.vars, ledger, rng));
  // Most actions were not used lately: their heat is zero and stays so.
  for (let i = 0; i < d.heat.length; i++) if (d.heat[i] !== 0) d.heat[i] = cool(d.heat[i]!);
  d.rng = rng.state();
  finishTurn(ctx);
  // Shaped as the step's result, so ending a turn allocates no second wrapper.
  return { ok: true, state: d, facts, causes: explain ? ledger.result() : [] };
}

function resolveChoice(ctx: Ctx, choice: Choice): void {
  const { d, ledger } = ctx;
  // One lookup: the catalogue index gives the definition as well.
  const idx = actionIndex(choice.action);
  const def = CATALOGUE[idx] as ActionDef;
  const strength = strengthOf(d.heat[idx]!);
  d.heat[idx]! += HEAT_PER_USE;
  // The side by comparison, not as a key: a property read by a key held in a variable is slower.
  (def.side === 'lead' ? d.profile.lead : d.profile.manage)[ASPECT_INDEX[idx]!]! += def.cost;

  for (const x of def.now) ledger.bump(d.vars, x.var, gained(x.amount, strength), 'action', def.id);
  let success: boolean | null = null;
  const target = choice.target === undefined ? undefined : d.members.find((m) => m.id === choice.target);

  switch (def.special) {
    case 'coach':
      if (target) {
        target.skill = clamp(target.skill + gained(8, strength));
        target.morale = clamp(target.morale + gained(15, strength));
        ctx.attended.push(target.id);
      }
      break;
    case 'delegate':
      if (target) {
        const delivered = gained(2 + div(target.skill, 10), strength);
        const engaged = target.status === 'engaged';
        ledger.bump(d.vars, 'execution', engaged ? delivered : div(delivered, 2), 'action', def.id);
        ledger.bump(d.vars, 'progress', engaged ? gained(1 + div(target.skill, 30), strength) : 0, 'action', def.id);
        target.morale = clamp(target.morale + (target.skill >= 60 ? 6 : -4));
        target.skill = clamp(target.skill + 3);
        ctx.attended.push(target.id);
      }
      break;
    case 'risk': {
      success = ctx.rng.chance(riskOdds(d.vars));
      const [a, b, c] = success ? RISK.success : RISK.failure;
      if (success) {
        ledger.bump(d.vars, 'innovation', gained(a, strength), 'action', def.id);
        ledger.bump(d.vars, 'progress', gained(b, strength), 'action', def.id);
        ledger.bump(d.vars, 'morale', gained(c, strength), 'action', def.id);
      } else {
        ledger.bump(d.vars, 'execution', a, 'action', def.id);
        ledger.bump(d.vars, 'budget', b, 'action', def.id);
        ledger.bump(d.vars, 'morale', c, 'action', def.id);
      }
      break;
    }
    case 'guard':
      d.guard = Math.min(2, d.guard + 1);
      break;
    case 'recognise':
      for (const m of d.members) if (m.status !== 'gone') m.morale = clamp(m.morale + gained(3, strength));
      break;
    case undefined:
      break;
  }

  const reacted: { member: string; amount: number }[] = [];
  for (const r of ctx.reactions[idx]!) {
    const m = d.members[r.member];
    if (m === undefined || m.status === 'gone') continue;
    m.morale = clamp(m.morale + r.amount);
    if (ctx.explain) reacted.push({ member: m.id, amount: r.amount });
  }

  if (def.later) {
    for (const x of def.later.effects) {
      d.pending.push({ due: d.turn + def.later.delay, var: x.var, amount: gained(x.amount, strength), source: def.id });
    }
  }
  if (ctx.explain) {
    ctx.facts.push({
      type: 'action-resolved',
      action: def.id,
      target: choice.target ?? null,
      strength,
      success,
      reactions: reacted,
    });
  }

  const call = d.calls.length === 0 ? -1 : answers(ctx.setup.events, d.calls, d.members, def.id, choice.target ?? null);
  if (call >= 0) {
    const c = d.calls[call]!;
    d.calls = d.calls.map((x, i) => (i === call ? { event: c.event, turn: c.turn, member: c.member, open: false } : x));
    if (ctx.explain) ctx.facts.push({ type: 'call-answered', event: c.event, action: def.id });
  }
  const answered = settles(
    ctx.setup.shifts,
    d.situations,
    d.shifted,
    d.settled,
    d.members,
    def.id,
    choice.target ?? null,
  );
  if (answered !== null) {
    d.settled = [...d.settled, answered.id];
    if (ctx.explain) ctx.facts.push({ type: 'shift-settled', shift: answered.id, action: def.id });
  }
}

function landDelayed(ctx: Ctx): void {
  const { d, ledger } = ctx;
  const landed: string[] = [];
  const keep = [];
  for (const p of d.pending) {
    if (p.due > d.turn) {
      keep.push(p);
      continue;
    }
    ledger.bump(d.vars, p.var, p.amount, 'delayed', p.source);
    if (ctx.explain && !landed.includes(p.source)) landed.push(p.source);
  }
  d.pending = keep;
  for (const a of landed) ctx.facts.push({ type: 'delayed-effect-landed', action: a });
}

function finishTurn(ctx: Ctx): void {
  const { d, facts, setup, explain } = ctx;
  const l = leadershipIndex(d.vars);
  const m = managementIndex(d.vars);
  d.lHigh = isHigh(l, d.lHigh);
  d.mHigh = isHigh(m, d.mHigh);
  d.l = l;
  d.m = m;
  const regime = regimeOf(d.lHigh, d.mHigh);
  const before = d.regime;
  d.streak = regime === before ? d.streak + 1 : 1;
  d.regime = regime;
  if (regime === 'momentum') d.momentumTurns += 1;
  if (explain) facts.push({ type: 'turn-ended', turn: d.turn, l, m, regime });
  if (explain && regime !== before) facts.push({ type: 'regime-changed', from: before, to: regime });

  const collapse = collapses(regime, d.streak, setup.collapseAfter);
  const last = d.turn >= setup.turns;
  d.turn += 1;
  d.plan = [];
  d.time = d.budget;
  if (collapse || last) {
    const early = collapse && !last;
    d.over = true;
    d.early = early;
    d.ending = endingOf(setup.endings, regime, early, d);
    d.score = scoreBreakdown(d, regime, early).total;
    if (explain) facts.push({ type: 'game-ended', outcome: regime, ending: d.ending, early, score: d.score });
  }
}

// Whether a regime held this many turns running ends the game early: chaos or stagnation, long enough.
function collapses(regime: Regime, streak: number, after: number): boolean {
  return (regime === 'chaos' || regime === 'stagnation') && streak >= after;
}

// How many more turns of the chaos or stagnation under way end the game (at least 1: a game
// that starts in it has none behind it yet), or null when neither is under way or the game is over.
export function turnsToCollapse(state: GameState): number | null {
  if (state.over || (state.regime !== 'chaos' && state.regime !== 'stagnation')) return null;
  let k = 1;
  while (!collapses(state.regime, state.streak + k, plainSetup(state.setup).collapseAfter)) k++;
  return k;
}
