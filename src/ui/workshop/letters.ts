import type { Room } from '../../workshop';

/** "A" … "Z", then "AA", "AB" …: as many as a room has teams. */
function letters(i: number): string {
  const first = String.fromCharCode(65 + (i % 26));
  return i < 26 ? first : letters(Math.floor(i / 26) - 1) + first;
}

/**
 * The room with its teams named "Team A", "Team B" … in their room order (names hidden on a
 * projector); a refused hand-in's name gets the letter of its team, or one of its own.
 */
export function letteredRoom(room: Room): Room {
  const byName = new Map<string, string>();
  const letterOf = (name: string): string => {
    // Exact names: teams named alike but with different games are different teams, with different letters.
    let letter = byName.get(name);
    if (letter === undefined) byName.set(name, (letter = `Team ${letters(byName.size)}`));
    return letter;
  };
  // A second attempt keeps its team's letter.
  const teams = room.teams.map((t) => ({
    ...t,
    team: t.of ? `${letterOf(t.of.team)} (attempt ${t.attempt})` : letterOf(t.team),
    ...(t.of ? { of: { ...t.of, team: letterOf(t.of.team) } } : {}),
  }));
  const refused = room.refused.map((r) => ({ ...r, team: r.team === null ? null : letterOf(r.team) }));
  // Notes name teams in their own words; with names hidden they are left out.
  return { teams, refused, notes: [] };
}
