import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startVite } from './server';
import type { ProbeView } from './world-probe';

/**
 * Drives tests/browser/world-probe.html in headless Chromium: screenshots of every regime and goal
 * at desktop and phone sizes, the chaos frame rate, a replay-slider scrub and ten create/destroy
 * cycles for heap growth. Run with: npx tsx tests/browser/world-shots.ts [outDir]
 */
const out = process.argv[2] ?? '/tmp/world-shots';
mkdirSync(out, { recursive: true });

type Probe = {
  show(p: ProbeView): void;
  setReducedMotion(r: boolean): void;
  renderer(): string;
  fps(ms: number): Promise<number>;
  scrub(n: number): number;
  start(reduced: boolean): Promise<void>;
  destroy(): void;
};

const REGIMES = ['momentum', 'chaos', 'stagnation', 'drift'] as const;
const GOALS = ['house', 'product', 'pipeline', 'culture'] as const;

async function open(page: Page, url: string, query: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`  [console.${m.type()}] ${m.text()}`);
  });
  await page.goto(`${url}/tests/browser/world-probe.html?${query}`);
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, null, {
    timeout: 30_000,
  });
  if (errors.length) throw new Error(errors.join('\n'));
}

const show = (page: Page, v: ProbeView) =>
  page.evaluate((v) => (window as unknown as { __probe: Probe }).__probe.show(v), v);

async function shoot(page: Page, name: string, settle = 1600): Promise<void> {
  await page.waitForTimeout(settle);
  await page.locator('#world').screenshot({ path: `${out}/${name}.png` });
  console.log(`  ${out}/${name}.png`);
}

const { server, url } = await startVite();
const browser = await launchChromium();
try {
  const only = process.env.ONLY ?? 'shots,phone,reduced,still,blend,fps,heap';

  if (only.includes('shots')) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await open(page, url, '');
    console.log('renderer:', await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.renderer()));
    for (const regime of REGIMES) {
      await show(page, { regime });
      await shoot(page, `desk-${regime}`);
    }
    for (const goal of GOALS) {
      for (const progress of [20, 60, 100]) {
        await show(page, { regime: 'momentum', goal, progress, count: 8, statuses: { 2: 'disengaged', 6: 'gone' } });
        await shoot(page, `desk-goal-${goal}-${progress}`, 1300);
      }
    }
    await page.close();
  }

  if (only.includes('phone')) {
    for (const [tag, h] of [
      ['phone', 340],
      ['phonetall', 844],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      await open(page, url, `w=390&h=${h}`);
      for (const regime of REGIMES) {
        await show(page, { regime, goal: regime === 'chaos' ? 'product' : 'house', count: 7 });
        await shoot(page, `${tag}-${regime}`);
      }
      await page.close();
    }
  }

  if (only.includes('happenings')) {
    // The last turn's happenings: banners, a ring over the person, at desktop, phone and reduced motion.
    const happenings: ProbeView['happenings'] = [
      { kind: 'event', text: 'The timber arrives late', hurts: true, member: null },
      { kind: 'left', text: 'Joe left the team', hurts: true, member: 'joe' },
      { kind: 'shift', text: 'The release date moves up', hurts: true, member: null },
    ];
    for (const [tag, w, h, q] of [
      ['desk', 1280, 720, ''],
      ['phone', 390, 340, 'w=390&h=340'],
      ['reduced', 1280, 720, 'reduced=1'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: w, height: h + 100 } });
      await open(page, url, q);
      await show(page, { regime: 'drift', statuses: { 1: 'gone' }, moment: 0 });
      await page.waitForTimeout(500);
      await show(page, { regime: 'drift', statuses: { 1: 'gone' }, happenings, moment: 4 });
      await shoot(page, `happenings-${tag}`, tag === 'reduced' ? 400 : 2000);
      await page.close();
    }
  }

  if (only.includes('reduced')) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await open(page, url, 'reduced=1');
    for (const regime of REGIMES) {
      await show(page, { regime, goal: 'culture', progress: 80 });
      await shoot(page, `reduced-${regime}`, 400);
    }
    await page.close();
  }

  if (only.includes('still')) {
    // Reduced motion switched on live must leave a perfectly still picture in every regime.
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await open(page, url, '');
    for (const regime of REGIMES) {
      await show(page, { regime });
      await page.waitForTimeout(300);
      await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.setReducedMotion(true));
      await page.waitForTimeout(300);
      const a = await page.locator('#world').screenshot();
      await page.waitForTimeout(700);
      const b = await page.locator('#world').screenshot();
      console.log(`reduced motion ${regime}: ${a.equals(b) ? 'still' : 'MOVING'}`);
      await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.setReducedMotion(false));
    }
    await page.close();
  }

  if (only.includes('frames')) {
    // A burst of frames per regime, to check the motion by eye.
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await open(page, url, '');
    for (const regime of REGIMES) {
      await show(page, { regime });
      await page.waitForTimeout(1500);
      for (let i = 0; i < 4; i++) {
        await page.locator('#world').screenshot({ path: `${out}/frames-${regime}-${i}.png` });
        await page.waitForTimeout(150);
      }
    }
    await page.close();
  }

  if (only.includes('blend')) {
    // Halfway through a change of regime both should show, cross-faded.
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await open(page, url, '');
    await show(page, { regime: 'chaos' });
    await page.waitForTimeout(1500);
    await show(page, { regime: 'stagnation' });
    await shoot(page, 'blend-chaos-to-stagnation', 420);
    await page.close();
  }

  if (only.includes('fps')) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await open(page, url, '');
    await show(page, { regime: 'momentum', count: 8, statuses: {} });
    await page.waitForTimeout(500);
    await show(page, { regime: 'chaos', count: 8, statuses: {} });
    await page.waitForTimeout(2000);
    const fps = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.fps(3000));
    console.log(`chaos fps at 1280x720, 8 members: ${fps.toFixed(1)}`);
    for (const regime of ['momentum', 'stagnation', 'drift'] as const) {
      await show(page, { regime, count: 8, statuses: {} });
      await page.waitForTimeout(2000);
      const f = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.fps(2000));
      console.log(`${regime} fps: ${f.toFixed(1)}`);
    }
    const ms = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.scrub(5000));
    console.log(`5000 show() calls: ${ms.toFixed(1)} ms`);
    const after = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.fps(2000));
    console.log(`fps after scrub: ${after.toFixed(1)}`);
    await page.close();
  }

  if (only.includes('heap')) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await open(page, url, '');
    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const r = await cdp.send('Runtime.getHeapUsage');
      return r.usedSize / 1e6;
    };
    const cycle = () =>
      page.evaluate(async () => {
        const p = (window as unknown as { __probe: Probe }).__probe;
        p.destroy();
        await new Promise((r) => setTimeout(r, 100));
        await p.start(false);
        p.show({ regime: 'chaos' });
        await new Promise((r) => setTimeout(r, 300));
      });
    await cycle();
    await cycle();
    const before = await heap();
    for (let i = 0; i < Number(process.env.CYCLES ?? 10); i++) await cycle();
    const after = await heap();
    const canvases = await page.evaluate(() => document.querySelectorAll('canvas').length);
    console.log(
      `heap after 2 games: ${before.toFixed(1)} MB, after 10 more: ${after.toFixed(1)} MB; canvases: ${canvases}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
