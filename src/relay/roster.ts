import type { Extension, Hocuspocus, onChangePayload, connectedPayload } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { docName, parseDocName } from '../live/names';
import { readTeamRun } from '../live/shapes';

/** How long a team's changes are gathered before its roster entry is written. */
const SETTLE_MS = 100;

/** The team's run as its document holds it, or null when it holds none (or not a run). */
function runOf(doc: Y.Doc): ReturnType<typeof readTeamRun> {
  return readTeamRun(Object.fromEntries(doc.getMap('run').entries()));
}

/**
 * Keeps each room's roster: a team is listed as soon as it connects, and its entry follows its
 * document's run. The relay writes the roster itself; no client may.
 */
export function rosterExtension(log: (line: string) => void): Extension {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  async function write(instance: Hocuspocus, room: string, team: string, doc: Y.Doc, joining: boolean): Promise<void> {
    const run = runOf(doc);
    if (run === null && doc.getMap('run').size > 0)
      log(`ignored: the run of team “${team}” in room ${room} is not a run`);
    const roster = await instance.openDirectConnection(docName({ kind: 'roster', room }), { relay: true });
    try {
      await roster.transact((d) => {
        const teams = d.getMap('teams');
        if (joining && teams.has(team)) return;
        teams.set(team, { run });
      });
    } finally {
      await roster.disconnect();
    }
  }

  const later = (instance: Hocuspocus, name: string, doc: Y.Doc, joining: boolean): void => {
    const parsed = parseDocName(name);
    if (parsed?.kind !== 'team') return;
    clearTimeout(pending.get(name));
    pending.set(
      name,
      setTimeout(() => {
        pending.delete(name);
        write(instance, parsed.room, parsed.team, doc, joining).catch((e: unknown) =>
          log(`roster of room ${parsed.room} not written: ${(e as Error).message}`),
        );
      }, SETTLE_MS),
    );
  };

  return {
    extensionName: 'momentum-roster',
    async connected({ documentName, instance }: connectedPayload) {
      const doc = instance.documents.get(documentName);
      if (doc) later(instance, documentName, doc, true);
    },
    async onChange({ documentName, document, instance }: onChangePayload) {
      later(instance, documentName, document, false);
    },
    async onDestroy() {
      for (const t of pending.values()) clearTimeout(t);
    },
  };
}
