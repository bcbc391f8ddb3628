import { isSetback, type Fact, type GameState, type Scenario } from '../engine';
import { happenings } from '../replay/narration';
import { actionTitle, memberName } from '../replay/words';
import type { WorldHappening, WorldView } from './world/view';

/** Banners the world shows at most for one turn; the turn summary lists them all. */
const MAX_HAPPENINGS = 3;

/** Whether the event is a setback, as the engine judges it; an unknown one is taken as one. */
function eventHurts(scenario: Scenario, id: string): boolean {
  const e = scenario.events.find((x) => x.id === id);
  return e ? isSetback(e) : true;
}

/** The turn's events, leavers and shifts as the world shows them, in the order they happened. */
export function happeningsOf(scenario: Scenario, facts: readonly Fact[]): WorldHappening[] {
  const out: WorldHappening[] = [];
  // The world marks events, leavers and shifts; disengaging shows in the team itself.
  for (const f of happenings(facts).all) {
    if (f.type === 'event-occurred') {
      const title = scenario.events.find((x) => x.id === f.event)?.title ?? f.event;
      out.push({ kind: 'event', text: title, hurts: eventHurts(scenario, f.event), member: f.member });
    } else if (f.type === 'member-quit') {
      out.push({
        kind: 'left',
        text: `${memberName(scenario, f.member)} left the team`,
        hurts: true,
        member: f.member,
      });
    } else if (f.type === 'shift-occurred') {
      const title = scenario.shifts.find((x) => x.id === f.shift)?.title ?? f.shift;
      out.push({ kind: 'shift', text: title, hurts: true, member: f.member });
    } else if (f.type === 'shift-settled') {
      out.push({ kind: 'answered', text: `${actionTitle(f.action)} answered the shift`, hurts: false, member: null });
    } else if (f.type === 'call-answered') {
      const title = scenario.events.find((x) => x.id === f.event)?.title ?? f.event;
      out.push({ kind: 'answered', text: `${actionTitle(f.action)} answered: ${title}`, hurts: false, member: null });
    }
  }
  if (out.length <= MAX_HAPPENINGS) return out;
  const shown = out.slice(0, MAX_HAPPENINGS - 1);
  const rest = out.length - shown.length;
  shown.push({ kind: 'more', text: `and ${rest} more: see the turn's summary`, hurts: false, member: null });
  return shown;
}

/**
 * What the world draws for a state: the app derives it, the world never reads rules. `facts`
 * are the last turn's, and `moment` names that turn, so showing the same view again does not
 * replay its events.
 */
export function worldViewOf(
  scenario: Scenario,
  state: GameState,
  last: { readonly turn: number; readonly facts: readonly Fact[] } | null = null,
): WorldView {
  return {
    regime: state.regime,
    members: scenario.members.map((m, i) => {
      const s = state.members[i]!;
      return { id: m.id, name: m.name, role: m.role, status: s.status, morale: s.morale };
    }),
    progress: state.vars.progress,
    goal: scenario.goal.visual as WorldView['goal'],
    meters: { morale: state.vars.morale, execution: state.vars.execution, innovation: state.vars.innovation },
    turn: Math.min(state.turn, state.setup.turns),
    turns: state.setup.turns,
    happenings: last ? happeningsOf(scenario, last.facts) : [],
    moment: last?.turn ?? 0,
  };
}
