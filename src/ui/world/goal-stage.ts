/** How far a building step running from progress a to b has come, 0–1. */
export function stage(p: number, a: number, b: number): number {
  if (p <= a) return 0;
  if (p >= b) return 1;
  return (p - a) / (b - a);
}
