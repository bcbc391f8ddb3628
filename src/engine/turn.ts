import { ASPECTS } from './aspects';
import { actionDef, actionIndex, type ActionDef } from './catalogue';
import { Ledger, type Cause } from './causes';
import { applyDrift, applyPressures } from './dynamics';
import { applyEvent, drawEvent } from './events';
import { capacity, traitReaction, updateMembers } from './members';
import { endingOf, scoreOf } from './outcome';
import { isHigh, leadershipIndex, managementIndex, regimeOf } from './regimes';
import { draftOf, type Draft } from './draft';
import { restoreRng, type Rng } from './rng';
import type { Fact } from './step-types';
import type { Choice, GameState } from './state-types';
import { clamp, div, pct, type Vars } from './variables';

// Strength of the n-th recent use of the same action, in percent.
export const DIMINISHING = [100, 60, 35, 20, 10] as const;

const RISK = { success: [9, 4, 3], failure: [-5, -6, -2], base: 30, cap: 85 } as const;

// Percent chance a calculated risk pays off: predictability and structure make bets safer.
export function riskOdds(v: Vars): number {
  return Math.min(RISK.cap, RISK.base + div(v.control, 2) + div(v.structure, 4));
}

interface Ctx {
  readonly d: Draft;
  readonly ledger: Ledger;
  readonly rng: Rng;
  readonly facts: Fact[];
}

// Resolves the turn: the chosen actions in order, delayed effects now due, at most one event,
// the pressures and drift of the team's own dynamics, members, then the regime and the end.
export function resolveTurn(state: GameState): { state: GameState; facts: Fact[]; causes: Cause[] } {
  const ledger = new Ledger();
  const facts: Fact[] = [];
  const d = draftOf(state);
  const rng = restoreRng(d.rng);
  const ctx: Ctx = { d, ledger, rng, facts };
  for (const choice of state.plan) resolveChoice(ctx, choice);
  landDelayed(ctx);
  const ev = drawEvent(d.setup.events, d.setup.eventChance, d.vars, d.turn, d.fired, rng);
  if (ev !== null) {
    const { fact, guardUsed } = applyEvent(ev, d.vars, d.members, d.guard, ledger, rng);
    if (guardUsed) d.guard -= 1;
    if (!d.fired.includes(ev.id)) d.fired.push(ev.id);
    facts.push(fact);
  }
  applyPressures(d.vars, ledger);
  applyDrift(d.vars, capacity(d.members), ledger);
  facts.push(...updateMembers(d.members, d.vars, ledger, rng));
  for (let i = 0; i < d.usage.length; i++) d.usage[i] = d.usage[i]! >> 1;
  d.rng = rng.state();
  finishTurn(ctx);
  return { state: d, facts, causes: ledger.result() };
}

function resolveChoice(ctx: Ctx, choice: Choice): void {
  const { d, ledger } = ctx;
  const def = actionDef(choice.action) as ActionDef;
  const idx = actionIndex(def.id);
  const uses = d.usage[idx]!;
  const strength = DIMINISHING[Math.min(uses, DIMINISHING.length - 1)]!;
  d.usage[idx] = uses + 1;
  const aspect = ASPECTS.indexOf(def.aspect);
  d.profile[def.side][aspect]! += def.cost;

  const gain = (amount: number): number => (amount > 0 ? pct(amount, strength) : amount);
  for (const x of def.now) ledger.bump(d.vars, x.var, gain(x.amount), 'action', def.id);
  let success: boolean | null = null;
  const target = choice.target === undefined ? undefined : d.members.find((m) => m.id === choice.target);

  switch (def.special) {
    case 'coach':
      if (target) {
        target.skill = clamp(target.skill + gain(6));
        target.morale = clamp(target.morale + gain(12));
      }
      break;
    case 'delegate':
      if (target) {
        const delivered = gain(2 + div(target.skill, 12));
        ledger.bump(d.vars, 'execution', target.status === 'engaged' ? delivered : div(delivered, 2), 'action', def.id);
        target.morale = clamp(target.morale + (target.skill >= 60 ? 5 : -3));
        target.skill = clamp(target.skill + 2);
      }
      break;
    case 'risk': {
      success = ctx.rng.chance(riskOdds(d.vars));
      const [a, b, c] = success ? RISK.success : RISK.failure;
      if (success) {
        ledger.bump(d.vars, 'innovation', gain(a), 'action', def.id);
        ledger.bump(d.vars, 'progress', gain(b), 'action', def.id);
        ledger.bump(d.vars, 'morale', gain(c), 'action', def.id);
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
      for (const m of d.members) if (m.status !== 'gone') m.morale = clamp(m.morale + 3);
      break;
    case undefined:
      break;
  }

  d.members.forEach((m, i) => {
    if (m.status === 'gone') return;
    const r = traitReaction(d.setup.traits[i] ?? [], def.id);
    if (r !== 0) m.morale = clamp(m.morale + r);
  });

  if (def.later) {
    for (const x of def.later.effects) {
      d.pending.push({ due: d.turn + def.later.delay, var: x.var, amount: gain(x.amount), source: def.id });
    }
  }
  ctx.facts.push({ type: 'action-resolved', action: def.id, target: choice.target ?? null, strength, success });
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
    if (!landed.includes(p.source)) landed.push(p.source);
  }
  d.pending = keep;
  for (const a of landed) ctx.facts.push({ type: 'delayed-effect-landed', action: a });
}

function finishTurn(ctx: Ctx): void {
  const { d, facts } = ctx;
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
  facts.push({ type: 'turn-ended', turn: d.turn, l, m, regime });
  if (regime !== before) facts.push({ type: 'regime-changed', from: before, to: regime });

  const collapse = (regime === 'chaos' || regime === 'stagnation') && d.streak >= d.setup.collapseAfter;
  const last = d.turn >= d.setup.turns;
  d.turn += 1;
  d.plan = [];
  d.time = d.setup.timeBudget;
  if (collapse || last) {
    const early = collapse && !last;
    d.over = true;
    d.ending = endingOf(regime, early);
    d.score = scoreOf(d.vars, d.momentumTurns, early);
    facts.push({ type: 'game-ended', outcome: regime, ending: d.ending, score: d.score });
  }
}
