import { CUSTOM_PREFIX, keepCustomScenario, keptOtherwise } from '../../platform/custom-scenarios';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { randomSeed } from '../screens/picker';
import { newSession } from '../session';
import { keptList } from './kept-list';
import { freeId, keepChoice, withId } from './link-guard';

/**
 * The lab's scenarios kept for play: a valid one is kept (and joins the game's scenarios) as it
 * opens, so its replay codes verify; a link's whose id this browser keeps with other content
 * waits for the author's choice; "Play this scenario" keeps it and starts a game.
 */

export interface ScenarioKeeping {
  /** The scenarios kept in this browser, each with its Delete. */
  readonly list: HTMLElement;
  /** Where a link's scenario asks to be kept beside, or instead of, the kept one of its id. */
  readonly choice: HTMLElement;
  /** Keeps a valid scenario just opened; from a link, asks first if its id is kept otherwise. */
  opened(text: string, fromLink: boolean): void;
  /** Takes the choice away: another scenario is open. */
  clearChoice(): void;
  /** Keeps the editor's scenario and starts a game of it on `seed` (a random one if blank). */
  play(seed: string): void;
}

/** What keeping asks of the lab. */
interface Lab {
  /** The editor's text. */
  text(): string;
  /** Puts a text in the editor, from where it came. */
  load(text: string, source: string): void;
  /** The lab's line for how an action went. */
  say(text: string): void;
}

export function scenarioKeeping(
  ctx: Pick<AppContext, 'store' | 'notices' | 'announce' | 'addEntry' | 'go'>,
  shippedIds: readonly string[],
  lab: Lab,
): ScenarioKeeping {
  const kept = keptList(ctx.store, ctx.notices, ctx.announce);
  const choice = h('div', {});
  const keep = (text: string): void => {
    const r = keepCustomScenario(ctx.store, text, shippedIds);
    if (r.ok) ctx.addEntry?.(r.entry);
    else lab.say(r.reason);
    kept.refresh();
  };
  const ask = (id: string): void => {
    const taken = (x: string): boolean => shippedIds.includes(x) || ctx.store.get(`${CUSTOM_PREFIX}${x}`) !== null;
    const renamed = freeId(id, taken);
    const both = (): void => {
      mount(choice);
      lab.load(withId(lab.text(), id, renamed), `a shared link, kept as “${renamed}”`);
    };
    const replace = (): void => {
      mount(choice);
      keep(lab.text());
    };
    mount(choice, keepChoice(id, renamed, both, replace));
  };
  return {
    list: kept.element,
    choice,
    opened(text, fromLink) {
      const id = (JSON.parse(text) as { id: string }).id;
      if (fromLink && keptOtherwise(ctx.store, id, text) !== null) return ask(id);
      keep(text);
    },
    clearChoice: () => mount(choice),
    play(seed) {
      const made = keepCustomScenario(ctx.store, lab.text(), shippedIds);
      kept.refresh();
      if (!made.ok) {
        lab.say(made.reason);
        ctx.announce(made.reason);
        return;
      }
      if (!ctx.addEntry) {
        lab.say('This page cannot add a scenario to the game.');
        return;
      }
      ctx.addEntry(made.entry);
      ctx.go({ kind: 'briefing', session: newSession(made.entry, seed.trim() || randomSeed()) });
    },
  };
}
