import { describe, expect, it } from 'vitest';
import { BALANCE_POLICIES, SHARES, type BalanceReport, type Outcomes } from '../../src/bots/balance';
import {
  balanceVerdict,
  CAREFUL_PLAYER_WINS,
  COAST_KEEPS,
  FLEX_SPREAD,
  LUCK_WINS,
  MEMORISED_SCRIPT_WINS,
  ONE_SIDED_WINS,
  READER_WINS,
  ROTE_RECIPE_WINS,
  TRUSTED_RUNS,
  type FindingKind,
} from '../../src/lab/verdict';

const RUNS = 500;

/** Outcome counts with this share of momentum; the rest split between the other regimes. */
function outcomes(momentum: number, rest: keyof Omit<Outcomes, 'momentum'> = 'drift', runs = RUNS): Outcomes {
  const m = Math.round(momentum * runs);
  const o: Outcomes = { momentum: m, chaos: 0, stagnation: 0, drift: 0 };
  o[rest] += runs - m;
  return o;
}

/**
 * A report as a well-balanced scenario gives: one-sided play fails the way the lesson says,
 * luck, coasting and recipes do not win, a careful player does and changes course as it goes,
 * and momentum peaks at a balanced share of leadership.
 */
function balanced(runs = RUNS): BalanceReport {
  const momentum: Record<(typeof BALANCE_POLICIES)[number], number> = {
    'lead-only': 0.02,
    'manage-only': 0.01,
    balanced: 0.7,
    random: 0.05,
    coast: 0.1,
    expert: 0.95,
    reader: 0.8,
  };
  return {
    scenario: 'night-shift',
    runs,
    policies: Object.fromEntries(BALANCE_POLICIES.map((p) => [p, outcomes(momentum[p], 'drift', runs)])),
    fixedBundles: [
      { actions: ['share-vision', 'make-plan'], momentum: 0.42 },
      { actions: ['tell-the-why', 'set-goals'], momentum: 0.3 },
    ],
    script: {
      plan: [
        ['share-vision', 'make-plan'],
        ['tell-the-why', 'set-goals', 'coach'],
      ],
      momentum: 0.35,
    },
    leadershipShare: SHARES.map((share) => ({ share, momentum: Math.max(0, 0.6 - Math.abs(share - 50) / 80) })),
    expertLeadershipByTurn: [80, 70, 55, 40, 35, 50, 60, null],
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The balanced report, over `runs` games, with some of it changed. */
function report(change: (r: Mutable<BalanceReport>) => void, runs = RUNS): BalanceReport {
  const r = structuredClone(balanced(runs)) as Mutable<BalanceReport>;
  change(r);
  return r;
}

const kinds = (r: BalanceReport): FindingKind[] => balanceVerdict(r).map((f) => f.kind);

function only(r: BalanceReport, kind: FindingKind): string {
  const findings = balanceVerdict(r);
  expect(findings.map((f) => f.kind)).toEqual([kind]);
  return findings[0]!.text;
}

describe('the balance verdict', () => {
  it('says a balanced-looking report looks balanced, and nothing else', () => {
    const text = only(balanced(), 'looks-balanced');
    expect(text).toBe(
      'Looks balanced: leading or managing alone rarely wins, no rote recipe, memorised script or luck carries a game, and a careful player reaches momentum in 95% of games.',
    );
  });

  it('names a rote recipe that wins from the threshold on, with its actions as a player sees them', () => {
    const rote = report((r) => {
      r.fixedBundles = [{ actions: ['share-vision', 'make-plan', 'coach'], momentum: 0.92 }];
    });
    const text = only(rote, 'rote-recipe');
    expect(text).toMatch(/^A rote recipe wins 92% of games \(Share the vision \+ Make a plan \+ [^)]+\): /);
    expect(text).toContain('add a shift or an event that punishes it.');
    expect(text).not.toContain('share-vision');
    const atThreshold = report((r) => {
      r.fixedBundles = [{ actions: ['share-vision'], momentum: ROTE_RECIPE_WINS }];
    });
    expect(kinds(atThreshold)).toEqual(['rote-recipe']);
    const under = report((r) => {
      r.fixedBundles = [{ actions: ['share-vision'], momentum: ROTE_RECIPE_WINS - 0.01 }];
    });
    expect(kinds(under)).toEqual(['looks-balanced']);
  });

  it('says when a memorised script wins more than the threshold, and not at it', () => {
    const memorised = report((r) => {
      r.script = { plan: [['share-vision'], ['set-goals', 'coach']], momentum: 0.74 };
    });
    expect(only(memorised, 'memorised-script')).toBe(
      'A memorised script wins 74% of games (the same cards on the same turns, whatever happens): the situation does not vary enough by seed, so let events, shifts or the team differ more from game to game.',
    );
    const atThreshold = report((r) => {
      r.script = { plan: [['share-vision']], momentum: MEMORISED_SCRIPT_WINS };
    });
    expect(kinds(atThreshold)).toEqual(['looks-balanced']);
    const justOver = report((r) => {
      r.script = { plan: [['share-vision']], momentum: MEMORISED_SCRIPT_WINS + 0.002 };
    });
    expect(kinds(justOver)).toEqual(['memorised-script']);
  });

  it('says when leading alone or managing alone wins', () => {
    const lead = report((r) => {
      r.policies['lead-only'] = outcomes(0.4, 'chaos');
    });
    expect(only(lead, 'lead-alone')).toBe(
      'Leading alone wins 40% of games: the scenario does not punish neglecting management.',
    );
    const manage = report((r) => {
      r.policies['manage-only'] = outcomes(ONE_SIDED_WINS, 'stagnation');
    });
    expect(only(manage, 'manage-alone')).toBe(
      'Managing alone wins 20% of games: the scenario does not punish neglecting leadership.',
    );
    const rarely = report((r) => {
      r.policies['lead-only'] = outcomes(ONE_SIDED_WINS - 0.02, 'chaos');
    });
    expect(kinds(rarely)).toEqual(['looks-balanced']);
  });

  it('says when even a careful player rarely reaches momentum', () => {
    const hard = report((r) => {
      r.policies.expert = outcomes(0.31, 'stagnation');
    });
    const text = only(hard, 'careful-player-fails');
    expect(text).toMatch(/^Even a careful player reaches momentum in only 31% of games: /);
    const justEnough = report((r) => {
      r.policies.expert = outcomes(CAREFUL_PLAYER_WINS);
    });
    expect(kinds(justEnough)).toEqual(['looks-balanced']);
  });

  it('says when a player who reads only the screen wins less than the threshold, unless even a careful player fails', () => {
    const unread = report((r) => {
      r.policies.reader = outcomes(0.52, 'chaos');
    });
    const text = only(unread, 'reader-fails');
    expect(text).toMatch(/^A player who reads only the screen \(.*\) reaches momentum in only 52% of games: /);
    expect(text).toMatch(/^[A-Z][^\n]*\.$/);
    expect(text).not.toMatch(/reader|expert|policy/);
    const justEnough = report((r) => {
      r.policies.reader = outcomes(READER_WINS);
    });
    expect(kinds(justEnough)).toEqual(['looks-balanced']);
    // When even the careful player fails, that is the finding; a second one would only repeat it.
    const hard = report((r) => {
      r.policies.reader = outcomes(0.2);
      r.policies.expert = outcomes(0.3);
    });
    expect(kinds(hard)).toEqual(['careful-player-fails']);
  });

  it('says when momentum does not rise toward a balanced share of leadership', () => {
    const flat = report((r) => {
      r.leadershipShare = SHARES.map((share) => ({ share, momentum: 0.3 }));
    });
    expect(only(flat, 'balance-not-rewarded')).toBe(
      'Sharing time between leading and managing pays no better than leaning to one side: leading 30% of the time reaches momentum in 30% of games, leading 0% in 30%, so make one-sided play cost more.',
    );
    const leadHeavy = report((r) => {
      r.leadershipShare = SHARES.map((share) => ({ share, momentum: share / 100 }));
    });
    expect(balanceVerdict(leadHeavy)[0]!.text).toContain(
      'leading 70% of the time reaches momentum in 70% of games, leading 100% in 100%',
    );
  });

  it('says when luck wins and when momentum can be banked', () => {
    const luck = report((r) => {
      r.policies.random = outcomes(LUCK_WINS);
    });
    expect(only(luck, 'luck-wins')).toMatch(/^Picking cards at random wins 30% of games: /);
    const banked = report((r) => {
      r.policies.coast = outcomes(COAST_KEEPS + 0.15);
    });
    expect(only(banked, 'momentum-banked')).toMatch(
      /^A team that stops acting once it reaches momentum still ends there in 45% of games: /,
    );
  });

  it('says when a careful player never needs to change course', () => {
    const steady = report((r) => {
      r.expertLeadershipByTurn = [50, 52, 48.6, null, 55];
    });
    expect(only(steady, 'never-changes-course')).toMatch(
      /^A careful player spends its time the same way every turn \(between 49% and 55% on leading\): /,
    );
    const flexes = report((r) => {
      r.expertLeadershipByTurn = [50, 50 + FLEX_SPREAD];
    });
    expect(kinds(flexes)).toEqual(['looks-balanced']);
  });

  it('lists several findings, the most serious first, and warns when too few games were played', () => {
    const bad = report((r) => {
      r.fixedBundles = [{ actions: ['set-goals'], momentum: 0.9 }];
      r.policies['lead-only'] = outcomes(0.5, 'chaos', 60);
      r.policies.random = outcomes(0.5, 'drift', 60);
    }, 60);
    expect(kinds(bad)).toEqual(['rote-recipe', 'lead-alone', 'luck-wins', 'few-games']);
    expect(balanceVerdict(bad).at(-1)!.text).toBe(
      'Each kind of player was tried on only 60 games, so these figures can be off by ten points or more: run 500 or more before relying on them.',
    );
    const fewButFine = report(() => undefined, TRUSTED_RUNS - 1);
    expect(kinds(fewButFine)).toEqual(['looks-balanced', 'few-games']);
  });

  it('words every finding as one sentence for a facilitator, without action ids or policy names', () => {
    const everything = report((r) => {
      r.fixedBundles = [{ actions: ['delegate', 'monitor'], momentum: 1 }];
      r.script = { plan: [['delegate', 'monitor']], momentum: 1 };
      for (const p of ['lead-only', 'manage-only', 'random', 'coast'] as const) r.policies[p] = outcomes(1, 'drift', 1);
      r.policies.expert = outcomes(0, 'drift', 1);
      r.leadershipShare = SHARES.map((share) => ({ share, momentum: 0 }));
      r.expertLeadershipByTurn = [10, 10];
    }, 1);
    const findings = balanceVerdict(everything);
    expect(new Set(findings.map((f) => f.kind)).size).toBe(10);
    for (const f of findings) {
      expect(f.text).toMatch(/^[A-Z][^\n]*\.$/);
      expect(f.text.slice(0, -1)).not.toMatch(/\.\s/);
      expect(f.text).not.toMatch(/lead-only|manage-only|share:|fixed:|expert|\bcoast\b|delegate|monitor\b/);
    }
    expect(findings.at(-1)!.text).toContain('only 1 game,');
  });
});
