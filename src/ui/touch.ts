import type { Services } from './services';

/**
 * Whether the screen is touched rather than pointed at and typed on: no hover and a coarse
 * pointer, as on a phone or a tablet. The words then speak of tapping, not of keys.
 */
export function touchOnly(services: Pick<Services, 'matchMedia'>): boolean {
  return services.matchMedia('(hover: none) and (pointer: coarse)').matches;
}
