/** A file name safe on every system for a scenario and seed. */
export function fileStem(scenario: string, seed: string): string {
  return `${scenario}-${seed.replace(/[^\w-]+/g, '_').slice(0, 40) || 'seed'}`;
}
