import { afterAll, describe, expect, it } from 'vitest';
import { joinAsTeam, watchRoom } from '../../src/live/client';
import { newKey } from '../../src/live/keys';
import type { RosterEntry, TeamRun } from '../../src/live/shapes';
import { nodeOptions, startRedis, startRelayProcess, tempFolder, until } from './support';

const run = (turn: number): TeamRun => ({ code: `M1.turn-${turn}`, turn, of: 9, regime: 'chaos', over: false });

describe('a relay restarted', () => {
  const data = tempFolder();
  afterAll(() => data.remove());

  it('loses nothing: the roster comes back, and a team that played on while it was down catches up on its own; a team early for its room gets in once it opens', async () => {
    const room = 'CAB12XQ';
    const roomKey = newKey();
    const facilitatorKey = newKey();
    let relay = await startRelayProcess(data.path);
    const port = relay.port;
    const team = joinAsTeam({ ...nodeOptions(relay.url), room, team: 'Team Teal', key: { roomKey } });
    const first = watchRoom({ ...nodeOptions(relay.url), room, roomKey, facilitatorKey });
    let roster: RosterEntry[] = [];
    first.onRoster((e) => (roster = e));
    team.publish(run(2));
    // The team came before the facilitator opened the room: refused at first, it asks again on its own.
    await until(() => roster.some((e) => e.run?.turn === 2), 'turn 2 on the roster', 12_000);
    first.close();
    await relay.stop();
    // Played offline: published while no relay listens.
    team.publish(run(3));
    relay = await startRelayProcess(data.path, [], port);
    const again = watchRoom({ ...nodeOptions(relay.url), room, roomKey, facilitatorKey });
    let after: RosterEntry[] = [];
    again.onRoster((e) => (after = e));
    await until(() => after.find((e) => e.team === 'Team Teal')?.run?.turn === 3, 'turn 3 after the restart', 15_000);
    expect(after.find((e) => e.team === 'Team Teal')!.run).toEqual(run(3));
    team.close();
    again.close();
    await relay.stop();
  }, 60_000);
});

describe('two relays sharing one Redis', () => {
  const a = tempFolder();
  const b = tempFolder();
  afterAll(() => {
    a.remove();
    b.remove();
  });

  it('serve one room: a team on one is seen by the facilitator on the other, and pacing flows back', async () => {
    const redis = await startRedis();
    const flag = ['--redis', `127.0.0.1:${redis.port}`];
    const [one, two] = await Promise.all([startRelayProcess(a.path, flag), startRelayProcess(b.path, flag)]);
    const room = 'EBIG9RM';
    const roomKey = newKey();
    const facilitatorKey = newKey();
    const facilitator = nodeOptions(two.url);
    const dash = watchRoom({ ...facilitator, room, roomKey, facilitatorKey });
    let roster: RosterEntry[] = [];
    dash.onRoster((e) => (roster = e));
    await until(() => facilitator.statuses.includes('connected'), 'the room opened');
    const teams = Array.from({ length: 6 }, (_, i) =>
      joinAsTeam({ ...nodeOptions(i % 2 ? two.url : one.url), room, team: `Team ${i + 1}`, key: { roomKey } }),
    );
    const opened: (number | null)[] = [];
    teams[0]!.onPace((p) => opened.push(p.open));
    teams.forEach((t, i) => t.publish(run(i + 1)));
    await until(() => roster.filter((e) => e.run !== null).length === 6, 'six teams on the roster');
    expect(roster.map((e) => e.run?.turn).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    dash.setPace({ open: 5 });
    await until(() => opened.at(-1) === 5, 'turn 5 opened on a team of the other relay');
    for (const t of teams) t.close();
    dash.close();
    await Promise.all([one.stop(), two.stop()]);
    await redis.stop();
  }, 60_000);
});
