import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAsTeam, watchRoom } from '../../src/live/client';
import { newKey, teamKey } from '../../src/live/keys';
import { docName } from '../../src/live/names';
import { tokenText } from '../../src/live/token';
import type { RosterEntry, TeamRun } from '../../src/live/shapes';
import { nodeOptions, startRelayProcess, tempFolder, until, type RelayProcess } from './support';

const run = (turn: number): TeamRun => ({
  code: `M1.code-after-turn-${turn}`,
  turn,
  of: 12,
  regime: 'momentum',
  over: false,
});

describe('the relay, started as npm run relay starts it', () => {
  const data = tempFolder();
  let relay: RelayProcess;
  const room = 'BK7QMXS';
  const roomKey = newKey();
  const facilitatorKey = newKey();
  beforeAll(async () => {
    relay = await startRelayProcess(data.path);
  }, 30_000);
  afterAll(async () => {
    await relay?.stop();
    data.remove();
  });

  it('lists a team as it joins and shows each run it publishes, within a second', async () => {
    const facilitator = nodeOptions(relay.url);
    const dash = watchRoom({ ...facilitator, room, roomKey, facilitatorKey });
    // The facilitator's first visit opens the room on the relay; a team that comes earlier is let in later.
    await until(() => facilitator.statuses.includes('connected'), 'the room opened');
    let roster: RosterEntry[] = [];
    dash.onRoster((e) => (roster = e));
    const options = nodeOptions(relay.url);
    const team = joinAsTeam({
      ...options,
      room,
      team: 'Team Blue',
      key: { teamKey: await teamKey(roomKey, 'Team Blue') },
    });
    await until(() => roster.some((e) => e.team === 'Team Blue'), 'the team on the roster');
    expect(roster.find((e) => e.team === 'Team Blue')!.run).toBeNull();
    const start = Date.now();
    team.publish(run(3));
    await until(() => roster.find((e) => e.team === 'Team Blue')?.run?.turn === 3, 'turn 3 on the roster', 1000);
    console.log(`a published turn reached the dashboard in ${Date.now() - start} ms`);
    expect(roster.find((e) => e.team === 'Team Blue')!.run).toEqual(run(3));
    expect(options.statuses).toContain('connected');
    team.close();
    dash.close();
  });

  it('lets a team in with the room key from the shared link, under the name it chose', async () => {
    const dash = watchRoom({ ...nodeOptions(relay.url), room, roomKey, facilitatorKey });
    let roster: RosterEntry[] = [];
    dash.onRoster((e) => (roster = e));
    const team = joinAsTeam({ ...nodeOptions(relay.url), room, team: 'Équipe ★', key: { roomKey } });
    team.publish(run(1));
    await until(() => roster.find((e) => e.team === 'Équipe ★')?.run?.turn === 1, 'the team’s run');
    team.close();
    dash.close();
  });

  it('refuses a wrong team key, another team’s document, the roster to a team, and a wrong facilitator key, with reasons in its log', async () => {
    const wrong = nodeOptions(relay.url);
    const a = joinAsTeam({ ...wrong, room, team: 'Team Red', key: { teamKey: await teamKey(roomKey, 'Team Blue') } });
    await until(() => wrong.statuses.some((s) => s.startsWith('refused')), 'a refusal');
    a.close();
    const thief = nodeOptions(relay.url);
    const b = watchRoom({ ...thief, room, roomKey, facilitatorKey: newKey() });
    await until(() => thief.statuses.some((s) => s.startsWith('refused')), 'the facilitator refusal');
    b.close();
    const stranger = nodeOptions(relay.url);
    const c = joinAsTeam({ ...stranger, room: 'NOROOM1', team: 'Team Red', key: { roomKey } });
    await until(() => stranger.statuses.some((s) => s.startsWith('refused')), 'a refusal for an unknown room');
    c.close();
    expect(relay.log.join('\n')).toMatch(/refused: .*Team%20Red.*: wrong key for this team/);
    expect(relay.log.join('\n')).toMatch(/refused: .*roster.*: wrong facilitator key for this room/);
    expect(relay.log.join('\n')).toMatch(/refused: .*NOROOM1.*: this room is not open on this relay/);
  });

  it('keeps a team from writing the pace, and the facilitator’s pace reaches every team', async () => {
    const dash = watchRoom({ ...nodeOptions(relay.url), room, roomKey, facilitatorKey });
    const team = joinAsTeam({ ...nodeOptions(relay.url), room, team: 'Team Green', key: { roomKey } });
    const seen: (number | null)[] = [];
    team.onPace((p) => seen.push(p.open));
    // A team's device that writes the pace anyway, as a hand-made client could: the relay drops it.
    const forger = new Y.Doc();
    const forged = new HocuspocusProvider({
      websocketProvider: new HocuspocusProviderWebsocket({ url: relay.url, WebSocketPolyfill: WebSocket }),
      name: docName({ kind: 'pace', room }),
      document: forger,
      token: tokenText({ role: 'team', room, team: 'Team Green', roomKey }),
    });
    forged.attach();
    await until(() => forged.isSynced, 'the forger synced');
    forger.getMap('pace').set('open', 99);
    await new Promise((r) => setTimeout(r, 300));
    expect(dash.pace().open).not.toBe(99);
    expect(seen).not.toContain(99);
    forged.destroy();
    dash.setPace({ open: 4 });
    await until(() => seen.at(-1) === 4, 'turn 4 opened on the team’s device');
    dash.close();
    team.close();
  });

  it('carries a room of forty teams playing twelve turns each to the dashboard, and reports how fast', async () => {
    const room = 'AFORTY9';
    const facilitator = nodeOptions(relay.url);
    const dash = watchRoom({ ...facilitator, room, roomKey, facilitatorKey });
    const arrived = new Map<string, number>();
    dash.onRoster((entries) => {
      for (const e of entries)
        if (e.run && !arrived.has(`${e.team}@${e.run.turn}`)) arrived.set(`${e.team}@${e.run.turn}`, Date.now());
    });
    await until(() => facilitator.statuses.includes('connected'), 'the room opened');
    const teams = Array.from({ length: 40 }, (_, i) =>
      joinAsTeam({ ...nodeOptions(relay.url), room, team: `Team ${i + 1}`, key: { roomKey } }),
    );
    const sent = new Map<string, number>();
    const start = Date.now();
    for (let turn = 1; turn <= 12; turn++) {
      teams.forEach((t, i) => {
        sent.set(`Team ${i + 1}@${turn}`, Date.now());
        t.publish({ ...run(turn), code: `M1.team-${i + 1}-turn-${turn}` });
      });
      // A turn takes a team minutes; here a tenth of a second, all forty at once.
      await new Promise((r) => setTimeout(r, 100));
    }
    await until(() => teams.every((_, i) => arrived.has(`Team ${i + 1}@12`)), 'every team’s turn 12', 15_000);
    const lags = [...arrived].flatMap(([k, at]) => (sent.has(k) ? [at - sent.get(k)!] : [])).sort((a, b) => a - b);
    console.log(
      `40 teams × 12 turns: all last turns in ${Date.now() - start} ms; ${lags.length} of 480 turns seen (the rest overtaken by a later one), ` +
        `publish to dashboard median ${lags[lags.length >> 1]} ms, slowest ${lags.at(-1)} ms`,
    );
    expect(relay.log.filter((l) => /refused/.test(l) && /AFORTY9/.test(l))).toEqual([]);
    for (const t of teams) t.close();
    dash.close();
  });

  it('survives malformed and oversized messages and a flood, logging each, and still serves', async () => {
    const raw = new WebSocket(relay.url);
    await new Promise((r) => raw.once('open', r));
    raw.send(Buffer.from([0xff, 0xfe, 0x00, 0x13]));
    raw.send('not a message at all');
    raw.send(Buffer.alloc(70 * 1024, 1));
    await new Promise((r) => raw.once('close', r));
    expect(relay.log.join('\n')).toMatch(/refused: a connection's message: Max payload size exceeded/);
    const options = nodeOptions(relay.url);
    const team = joinAsTeam({ ...options, room, team: 'Team Flood', key: { roomKey } });
    await until(() => options.statuses.includes('connected'), 'a connection after the bad ones');
    for (let i = 0; i < 200; i++) team.publish(run(i % 12));
    await until(() => relay.log.some((l) => /more than \d+ messages a second/.test(l)), 'the rate limit');
    team.close();
    expect(relay.alive()).toBe(true);
    console.log(`the relay's log:\n  ${relay.log.join('\n  ')}`);
  });
});
