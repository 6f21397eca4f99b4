// Loads the ESM build the way an SPA would import it, and hands it to the harness.
import * as sdk from '/sdk/index.js'

window.harness.ready(sdk)
