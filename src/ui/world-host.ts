import { onPresenterChange, presenting, PRESENTER_TEXT_SCALE } from './presenter';
import { h } from './dom';
import { worldStill } from './world-still';
import type { Services } from './services';
import type { World, WorldView } from './world/view';

/**
 * Keeps one Phaser world for the page's whole life, loaded on first need so the title screen
 * is interactive before Phaser's chunk arrives; screens borrow its element. Without WebGL the
 * element shows a still SVG picture of the same view instead.
 */
export class WorldHost {
  readonly element: HTMLDivElement;
  private world: World | null = null;
  private loading: Promise<World | null> | null = null;
  private pending: WorldView | null = null;
  /** The last view shown, as text: a view equal to it changes nothing on screen. */
  private shown = '';
  private failed = false;
  private note: string | null = null;

  constructor(
    private readonly reducedMotion: MediaQueryList,
    private readonly code: Services['worldCode'],
  ) {
    this.element = document.createElement('div');
    this.element.className = 'world';
    this.element.dataset.testid = 'world';
    // The panels carry every fact the world shows; the picture itself is decoration.
    this.element.setAttribute('aria-hidden', 'true');
    reducedMotion.addEventListener('change', () => this.world?.setReducedMotion(reducedMotion.matches));
    onPresenterChange((on) => this.world?.setTextScale(on ? PRESENTER_TEXT_SCALE : 1));
  }

  /** Shows a view, loading the world first if needed. */
  show(view: WorldView): void {
    // Choosing or undoing a card leaves the view as it was; showing it again woke the world for
    // five frames that changed no pixel, most of the frames a turn drew.
    const key = JSON.stringify(view);
    if (key === this.shown) return;
    this.shown = key;
    this.pending = view;
    if (this.world) this.world.show(view);
    else if (this.failed) this.drawStill();
    else void this.load();
  }

  private drawStill(): void {
    if (!this.pending) return;
    const picture = worldStill(this.pending);
    this.element.replaceChildren(
      ...(this.note ? [picture, h('p', { class: 'world-note', 'data-testid': 'world-note' }, this.note)] : [picture]),
    );
  }

  /** Shows the still picture from now on, with a note when the reason is worth telling. */
  private fallBack(note: string | null): null {
    this.failed = true;
    this.note = note;
    this.element.classList.add('world-static');
    document.body.dataset.world = 'still';
    this.drawStill();
    return null;
  }

  load(): Promise<World | null> {
    this.loading ??= this.code().then(
      ({ createWorld }) =>
        createWorld(this.element, { reducedMotion: this.reducedMotion.matches }).then(
          (w) => this.started(w),
          (e: unknown) => {
            // No WebGL: a still picture of the team and the regime, redrawn on every new view.
            console.warn('world failed to start; showing a still picture', e);
            return this.fallBack(null);
          },
        ),
      () => {
        // The animated world's code did not arrive (the network dropped): a still picture
        // stands in, and the world loads when the connection returns.
        window.addEventListener(
          'online',
          () => {
            this.loading = null;
            this.failed = false;
            this.note = null;
            this.element.classList.remove('world-static');
            void this.load();
          },
          { once: true },
        );
        return this.fallBack(
          'Offline: the animated world did not load, so a still picture stands in. It loads when the connection returns.',
        );
      },
    );
    return this.loading;
  }

  private started(w: World): World {
    this.world = w;
    if (presenting()) w.setTextScale(PRESENTER_TEXT_SCALE);
    document.body.dataset.world = 'ready';
    // Test hook: browser tests read the renderer type and count frames through it.
    (window as unknown as { momentumDebug: unknown }).momentumDebug = {
      renderer: () => w.renderer(),
      frames: () => w.frames(),
      animating: () => w.animating(),
      settled: () => w.settled(),
      banners: () => w.banners(),
      labelPx: () => w.labelPx(),
      nameBoxes: () => w.nameBoxes(),
    };
    this.element.replaceChildren(...this.element.querySelectorAll('canvas'));
    if (this.pending) w.show(this.pending);
    return w;
  }
}
