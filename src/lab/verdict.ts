import { DEFAULT_RUNS, SHARES, type BalanceReport } from '../bots/balance';
import { actionDef } from '../engine';

/**
 * A balance report read out for a workshop facilitator: a few findings, one sentence each, that
 * say what a room playing the scenario would learn that the game does not mean to teach, and what
 * to change. The lesson is that leading alone ends in chaos, managing alone in stagnation, and
 * doing both (and changing course when the situation shifts) builds momentum.
 */

export type FindingKind =
  | 'rote-recipe'
  | 'memorised-script'
  | 'lead-alone'
  | 'manage-alone'
  | 'careful-player-fails'
  | 'reader-fails'
  | 'balance-not-rewarded'
  | 'luck-wins'
  | 'momentum-banked'
  | 'never-changes-course'
  | 'few-games'
  | 'looks-balanced';

export interface Finding {
  readonly kind: FindingKind;
  /** One sentence, for people who run the workshop rather than the code. */
  readonly text: string;
}

/** A recipe repeated every turn that wins this often teaches the room a formula instead of judgement. */
export const ROTE_RECIPE_WINS = 0.8;
/** A script memorised turn by turn should not win more often than this: a room could learn it by heart instead of reading the team. */
export const MEMORISED_SCRIPT_WINS = 0.6;
/** Leading or managing alone should fail; the shipped scenarios let it win at most one game in five. */
export const ONE_SIDED_WINS = 0.2;
/** A careful player should win most games, or the room concludes that nothing works. */
export const CAREFUL_PLAYER_WINS = 0.6;
/** A player who reads only the page should win most games: otherwise winning needs what the screen does not show. */
export const READER_WINS = 0.7;
/** Picking cards at random should rarely win; the shipped scenarios allow at most three games in ten. */
export const LUCK_WINS = 0.3;
/** A team that stops acting once in momentum should mostly lose it; at most three games in ten keep it. */
export const COAST_KEEPS = 0.3;
/** Leading about half the time should beat leaning to one side by at least this much (five games in a hundred). */
const BALANCE_MARGIN = 0.05;
/** Shares of leadership, in percent, that count as balanced, and those that count as one-sided. */
const BALANCED_SHARES: readonly number[] = [30, 40, 50, 60, 70];
const ONE_SIDED_SHARES: readonly number[] = [0, 10, 90, 100];
/** A careful player whose share of leadership never moves this many points between turns is not asked to flex. */
export const FLEX_SPREAD = 15;
/** Below this many games per player, a rate can be off by ten points or more (about ±7 at 200). */
export const TRUSTED_RUNS = 200;

const percent = (x: number): string => `${Math.round(100 * x)}%`;

const title = (id: string): string => actionDef(id)?.title ?? id;

/** The findings for one report, the most serious first; "looks balanced" when nothing is off. */
export function balanceVerdict(report: BalanceReport): Finding[] {
  const { runs } = report;
  const rate = (policy: string): number | null => {
    const o = report.policies[policy];
    return o ? o.momentum / runs : null;
  };
  const findings: Finding[] = [];

  const best = report.fixedBundles[0];
  if (best && best.momentum >= ROTE_RECIPE_WINS) {
    findings.push({
      kind: 'rote-recipe',
      text:
        `A rote recipe wins ${percent(best.momentum)} of games (${best.actions.map(title).join(' + ')}, every turn): ` +
        'add a shift or an event that punishes it.',
    });
  }

  const script = report.script;
  if (script.momentum > MEMORISED_SCRIPT_WINS) {
    findings.push({
      kind: 'memorised-script',
      text:
        `A memorised script wins ${percent(script.momentum)} of games (the same cards on the same turns, whatever happens): ` +
        'the situation does not vary enough by seed, so let events, shifts or the team differ more from game to game.',
    });
  }

  const lead = rate('lead-only');
  if (lead !== null && lead >= ONE_SIDED_WINS) {
    findings.push({
      kind: 'lead-alone',
      text: `Leading alone wins ${percent(lead)} of games: the scenario does not punish neglecting management.`,
    });
  }
  const manage = rate('manage-only');
  if (manage !== null && manage >= ONE_SIDED_WINS) {
    findings.push({
      kind: 'manage-alone',
      text: `Managing alone wins ${percent(manage)} of games: the scenario does not punish neglecting leadership.`,
    });
  }

  const expert = rate('expert');
  if (expert !== null && expert < CAREFUL_PLAYER_WINS) {
    findings.push({
      kind: 'careful-player-fails',
      text:
        `Even a careful player reaches momentum in only ${percent(expert)} of games: ` +
        'the room may conclude that nothing works, so soften the events or shifts.',
    });
  }

  const reader = rate('reader');
  if (reader !== null && reader < READER_WINS && (expert === null || expert >= CAREFUL_PLAYER_WINS)) {
    findings.push({
      kind: 'reader-fails',
      text:
        `A player who reads only the screen (answers what waits, turns to the side the regime lacks) reaches momentum in ` +
        `only ${percent(reader)} of games: winning takes more than the page shows, so name the answers of what strikes, ` +
        'warn of it earlier, or leave more turns after it.',
    });
  }

  const balanceFinding = shareFinding(report);
  if (balanceFinding) findings.push(balanceFinding);

  const luck = rate('random');
  if (luck !== null && luck >= LUCK_WINS) {
    findings.push({
      kind: 'luck-wins',
      text: `Picking cards at random wins ${percent(luck)} of games: thinking hardly matters, so make careless play cost more.`,
    });
  }
  const coast = rate('coast');
  if (coast !== null && coast >= COAST_KEEPS) {
    findings.push({
      kind: 'momentum-banked',
      text:
        `A team that stops acting once it reaches momentum still ends there in ${percent(coast)} of games: ` +
        'momentum can be banked rather than kept, so make it wear off without upkeep.',
    });
  }

  const shares = report.expertLeadershipByTurn.filter((p): p is number => p !== null);
  if (shares.length >= 2) {
    const low = Math.min(...shares);
    const high = Math.max(...shares);
    if (high - low < FLEX_SPREAD) {
      findings.push({
        kind: 'never-changes-course',
        text:
          `A careful player spends its time the same way every turn (between ${Math.round(low)}% and ${Math.round(high)}% ` +
          'on leading): the situation never asks the team to change course, so add a shift that does.',
      });
    }
  }

  if (findings.length === 0) {
    const also = expert === null ? '' : `, and a careful player reaches momentum in ${percent(expert)} of games`;
    findings.push({
      kind: 'looks-balanced',
      text: `Looks balanced: leading or managing alone rarely wins, no rote recipe, memorised script or luck carries a game${also}.`,
    });
  }
  if (runs < TRUSTED_RUNS) {
    findings.push({
      kind: 'few-games',
      text: `Each kind of player was tried on only ${runs} ${runs === 1 ? 'game' : 'games'}, so these figures can be off by ten points or more: run ${DEFAULT_RUNS} or more before relying on them.`,
    });
  }
  return findings;
}

/** Momentum should rise toward a balanced share of leadership, not peak at either end. */
function shareFinding(report: BalanceReport): Finding | null {
  const at = (shares: readonly number[]): { share: number; momentum: number } | null => {
    let top: { share: number; momentum: number } | null = null;
    for (const s of report.leadershipShare) {
      if (!shares.includes(s.share) || !SHARES.includes(s.share)) continue;
      if (top === null || s.momentum > top.momentum) top = s;
    }
    return top;
  };
  const middle = at(BALANCED_SHARES);
  const edge = at(ONE_SIDED_SHARES);
  if (!middle || !edge || middle.momentum >= edge.momentum + BALANCE_MARGIN) return null;
  return {
    kind: 'balance-not-rewarded',
    text:
      `Sharing time between leading and managing pays no better than leaning to one side: leading ${middle.share}% ` +
      `of the time reaches momentum in ${percent(middle.momentum)} of games, leading ${edge.share}% in ` +
      `${percent(edge.momentum)}, so make one-sided play cost more.`,
  };
}
