import { jobBehaviourSuite } from '../../../test/job-behaviour-suite.js';

jobBehaviourSuite('local', () => ({ driver: 'local' }));
