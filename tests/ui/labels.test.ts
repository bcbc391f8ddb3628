import { describe, expect, it } from 'vitest';
import { actionDef, TRAITS } from '../../src/engine';
import { TRAIT_REACTIONS } from '../../src/engine/members';
import { TRAIT_WORDS } from '../../src/ui/labels';

describe('trait words', () => {
  it('explain every trait by the actions that please and irk it, as the engine reacts', () => {
    for (const trait of TRAITS) {
      const line = TRAIT_WORDS[trait];
      expect(line, trait).toBeTruthy();
      const [pleased = '', irked = ''] = line!.split('irked by');
      for (const [action, amount] of Object.entries(TRAIT_REACTIONS[trait])) {
        const title = actionDef(action)!.title;
        expect(amount > 0 ? pleased : irked, `${trait}: ${action}`).toContain(`“${title}”`);
      }
    }
  });
});
