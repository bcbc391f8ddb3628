import type { World, WorldView } from './world/view';

/**
 * Keeps one Phaser world for the page's whole life, loaded on first need so the title screen
 * is interactive before Phaser's chunk arrives; screens borrow its element.
 */
export class WorldHost {
  readonly element: HTMLDivElement;
  private world: World | null = null;
  private loading: Promise<World | null> | null = null;
  private pending: WorldView | null = null;

  constructor(private readonly reducedMotion: MediaQueryList) {
    this.element = document.createElement('div');
    this.element.className = 'world';
    this.element.setAttribute('aria-hidden', 'true');
    reducedMotion.addEventListener('change', () => this.world?.setReducedMotion(reducedMotion.matches));
  }

  /** Shows a view, loading the world first if needed. */
  show(view: WorldView): void {
    this.pending = view;
    if (this.world) this.world.show(view);
    else void this.load();
  }

  load(): Promise<World | null> {
    this.loading ??= import('./world')
      .then(({ createWorld }) => createWorld(this.element, { reducedMotion: this.reducedMotion.matches }))
      .then((w) => {
        this.world = w;
        document.body.dataset.world = 'ready';
        // Test hook: browser tests read the renderer type and count frames through it.
        (window as unknown as { momentumDebug: unknown }).momentumDebug = {
          renderer: () => w.renderer(),
          frames: () => w.frames(),
        };
        if (this.pending) w.show(this.pending);
        return w;
      })
      .catch((e: unknown) => {
        // The game stays playable without the animated world; the panels carry every fact.
        document.body.dataset.world = 'failed';
        this.element.textContent = 'The animated view could not start in this browser; the game plays on without it.';
        console.warn('world failed to start', e);
        return null;
      });
    return this.loading;
  }
}
