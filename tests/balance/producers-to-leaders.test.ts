import { balanceSuite } from './support';

balanceSuite('producers-to-leaders');
