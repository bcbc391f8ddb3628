import { balanceSuite } from './support';

balanceSuite('first-team');
