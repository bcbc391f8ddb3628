import { balanceSuite } from './support';

balanceSuite('build-the-house');
