import { balanceSuite } from './support';

balanceSuite('idea-factory');
