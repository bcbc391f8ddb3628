import { bundledScenarios } from './scenarios/bundled';

/** Lists the shipped scenarios; the game itself is wired here as the front end grows. */
const list = document.getElementById('scenario-list');
const { scenarios, problems } = bundledScenarios();
for (const { scenario } of scenarios) {
  const item = document.createElement('li');
  const title = document.createElement('strong');
  title.textContent = `${scenario.title} `;
  const meta = document.createElement('span');
  meta.textContent = `(${scenario.difficulty}, ${scenario.turns} turns): ${scenario.tagline}`;
  item.append(title, meta);
  list?.append(item);
}
for (const p of problems) console.error(p);
document.body.dataset.ready = 'true';
