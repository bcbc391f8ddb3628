import type { AppContext, Screen } from './context';
import { openLab } from './lab-loader';
import { briefingScreen } from './screens/briefing';
import { compareScreen } from './screens/compare';
import { endScreen } from './screens/end';
import { pickerScreen } from './screens/picker';
import { playScreen } from './screens/play';
import { replayScreen } from './screens/replay';
import { teamScreen } from './screens/team';
import { titleScreen } from './screens/title';
import { workshopScreen } from './workshop/dashboard';
import { guideScreen } from './workshop/guide';
import { workshopSetupScreen } from './workshop/setup';

/** Draws `screen` into the app's screen root. */
export function drawScreen(ctx: AppContext, screen: Screen): void {
  switch (screen.kind) {
    case 'title':
      return titleScreen(ctx, screen.notice);
    case 'picker':
      return pickerScreen(ctx, screen.scenario, screen.seed);
    case 'team':
      return teamScreen(ctx, screen.session, screen.suggested);
    case 'briefing':
      return briefingScreen(ctx, screen.session);
    case 'play':
      return playScreen(ctx, screen.session);
    case 'end':
      return endScreen(ctx, screen.session);
    case 'replay':
      return replayScreen(ctx, screen.code);
    case 'compare':
      return compareScreen(ctx, screen.a, screen.b);
    case 'workshop-setup':
      return workshopSetupScreen(ctx);
    case 'workshop':
      return void workshopScreen(ctx, screen.room);
    case 'guide':
      return void guideScreen(ctx, screen.room);
    case 'lab':
      return openLab(ctx);
  }
}
