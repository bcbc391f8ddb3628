import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelPlaces } from '../../src/ui/workshop/views';

describe('the room chart’s end labels', () => {
  it('never overlap, stay in the plot, and keep the order of their lines’ ends', () => {
    const GAP = 17;
    const TOP = 18;
    const BOTTOM = 700;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: TOP, max: BOTTOM }), { maxLength: Math.floor((BOTTOM - TOP) / GAP) }),
        (ends) => {
          const placed = labelPlaces(ends, GAP, TOP, BOTTOM);
          expect(placed).toHaveLength(ends.length);
          const order = ends.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
          for (let j = 0; j < order.length; j++) {
            const at = placed[order[j]!.i]!;
            expect(at).toBeGreaterThanOrEqual(TOP);
            expect(at).toBeLessThanOrEqual(BOTTOM);
            if (j > 0) expect(at - placed[order[j - 1]!.i]!).toBeGreaterThanOrEqual(GAP);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves a label that has room where its line ends', () => {
    expect(labelPlaces([100, 300, 500], 17, 18, 700)).toEqual([100, 300, 500]);
    expect(labelPlaces([100, 105], 17, 18, 700)).toEqual([100, 117]);
    expect(labelPlaces([700, 700], 17, 18, 700)).toEqual([683, 700]);
  });
});
