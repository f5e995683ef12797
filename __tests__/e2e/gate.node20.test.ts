import { runtimes } from '../../emulators/runner/run-action.js'
import { gateSuite } from './gate-suite.js'

gateSuite(runtimes()[0])
