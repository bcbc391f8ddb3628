import { readFileSync } from 'node:fs';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { ASPECT_INFO } from '../../src/engine';
import { bundledScenarios } from '../../src/scenarios/bundled';

const text = readFileSync(new URL('../../assets/guide/facilitator-guide.md', import.meta.url), 'utf8');
const tokens = marked.lexer(text);
const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');

/** The tokens under the heading whose text is `title`, up to the next heading of its level or higher. */
function sectionOf(title: string): Token[] {
  const start = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).text === title);
  expect(start, `a section called “${title}”`).toBeGreaterThanOrEqual(0);
  const depth = (tokens[start] as Tokens.Heading).depth;
  const end = tokens.findIndex((t, i) => i > start && t.type === 'heading' && (t as Tokens.Heading).depth <= depth);
  return tokens.slice(start + 1, end < 0 ? undefined : end);
}

describe('the facilitator guide', () => {
  it('plans sessions of 45, 90 and 180 minutes, each with a timed table of blocks', () => {
    for (const minutes of [45, 90, 180]) {
      const title = headings.find((x) => x.text.startsWith(`${minutes} minutes`))?.text;
      expect(title, `a ${minutes}-minute plan`).toBeDefined();
      const table = sectionOf(title!).find((t): t is Tokens.Table => t.type === 'table');
      expect(table, `the ${minutes}-minute plan's table`).toBeDefined();
      // The blocks' times run to the session's end.
      const last = table!.rows.at(-1)![0]!.text;
      expect(last).toMatch(new RegExp(`–${minutes}$`));
    }
  });

  it('introduces leading and managing with the eight aspects as the game names them, the architect and the contractor, and a turnaround', () => {
    const intro = JSON.stringify(sectionOf('Introducing leading and managing'));
    for (const aspect of Object.values(ASPECT_INFO)) expect(intro).toContain(aspect.title);
    expect(headings.map((x) => x.text)).toEqual(
      expect.arrayContaining(['The architect and the contractor', 'A turnaround from stagnation']),
    );
  });

  it('gives every shipped scenario a section: what usually happens, its shifts, and exactly three questions', () => {
    for (const { scenario } of bundledScenarios().scenarios) {
      const section = sectionOf(scenario.title);
      const prose = JSON.stringify(section);
      expect(prose).toContain('What usually happens');
      expect(prose).toContain('Shifts');
      for (const shift of scenario.shifts) expect(prose, `${scenario.title}: ${shift.title}`).toContain(shift.title);
      const lists = section.filter((t): t is Tokens.List => t.type === 'list' && t.ordered);
      expect(lists).toHaveLength(1);
      expect(lists[0]!.items).toHaveLength(3);
      for (const item of lists[0]!.items) expect(item.text.trim()).toMatch(/\?$/);
    }
  });
});
