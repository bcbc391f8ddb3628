import { MAX_ROOM_SEED_LENGTH, newRoomCode } from '../../platform/room-codes';
import type { WorkshopRecord } from '../../platform/workshops';
import { characterCount } from '../../replay/seed';
import { seedProblem } from '../../replay/seed';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { newKey } from '../../live/keys';
import { rememberRoomLive } from './live-room';
import { pastSessions } from './past-sessions';
import { importSection } from './session-import';
import { setupForm } from './setup-form';

/** "Run a workshop": name the session, pick scenario and seed, list teams; open or import past sessions. */
export function workshopSetupScreen(ctx: AppContext): void {
  ctx.setQuery({ workshop: '' });
  const today = new Date(ctx.services.clock.now()).toLocaleDateString(undefined, { dateStyle: 'medium' });
  const form = setupForm(ctx.entries, today, { create: () => void create(), back: () => ctx.go({ kind: 'title' }) });
  const past = pastSessions(ctx);

  /** A new room for the form's session, stored (or kept in the page when storing fails) and opened. */
  async function create(): Promise<void> {
    const fields = form.values();
    const problem =
      seedProblem(fields.seed) ??
      (fields.seed === '' ? 'A workshop needs a seed: every team plays it, and the room code carries it.' : null) ??
      (characterCount(fields.seed) > MAX_ROOM_SEED_LENGTH
        ? `A workshop’s seed can be at most ${MAX_ROOM_SEED_LENGTH} characters long: the room code carries it, so teams can join by typing the code.`
        : null);
    if (problem) {
      form.refuseSeed(problem);
      ctx.announce(problem);
      return;
    }
    const { relay, ...session } = fields;
    if (relay !== '' && !/^wss?:\/\/[^\s/]+/.test(relay)) {
      const says = 'A relay’s address starts with ws:// or wss://, then its host, as in ws://192.168.1.20:1234.';
      form.refuseRelay(says);
      ctx.announce(says);
      return;
    }
    const store = await ctx.workshops();
    const record: WorkshopRecord = {
      room: await newRoomCode(fields.scenario, fields.seed, async (code) => (await store.get(code)) !== null),
      ...session,
      createdAt: ctx.services.clock.now(),
      submissions: [],
    };
    if (relay !== '')
      rememberRoomLive(ctx.store, record.room, { url: relay, roomKey: newKey(), facilitatorKey: newKey() });
    try {
      await store.put(record);
    } catch (err) {
      ctx.notices.show({ id: 'workshop-save', text: (err as Error).message });
    }
    ctx.go({ kind: 'workshop', room: record.room });
  }

  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen workshop-setup-screen' },
      h('h1', {}, 'Run a workshop'),
      h(
        'p',
        { class: 'lede' },
        'Give a room one scenario and seed. Teams play on their own devices and hand in their runs as codes, or live through a relay when you run one; this page verifies every run by re-playing it, compares the teams and suggests questions for the debrief. No accounts, and no server needed: after this page has loaded once, it works without a network.',
      ),
      form.element,
      past.element,
      importSection(ctx),
    ),
  );
  ctx.onKey(null);
  form.focus();
  past.show();
  void ctx.services.siteRelay().then((url) => url && form.offerRelay(url));
}
