import { balanceSuite } from './support';

balanceSuite('stagnant-giant');
