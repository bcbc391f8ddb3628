import { customEntries } from './platform/custom-scenarios';
import { browserStore } from './platform/storage';
import { openWorkshopStore, type WorkshopStore } from './platform/workshops';
import { scenarioHash } from './replay/scenario-hash';
import { bundledScenarios } from './scenarios/bundled';
import { startApp } from './ui/app';
import { browserServices } from './ui/browser-services';
import './ui/styles.css';

/** Wires the browser (storage, address) to the app; everything else lives in src/ui. */
const root = document.getElementById('app')!;
const live = document.getElementById('live')!;
const { scenarios, problems } = bundledScenarios();
const shipped = scenarios.map((s) => ({ scenario: s.scenario, hash: scenarioHash(s.text) }));
const store = browserStore();
// Scenarios written in the lab and kept in this browser: their games resume and their codes verify.
const entries = [...shipped, ...customEntries(store, shipped)];
let workshops: Promise<WorkshopStore> | null = null;
startApp(
  root,
  live,
  {
    store,
    services: browserServices(),
    // IndexedDB opens only when a facilitator first needs it.
    workshops: () => (workshops ??= openWorkshopStore()),
  },
  entries,
  problems,
);
document.body.dataset.ready = 'true';
performance.mark('momentum-ready');
