// Prints jest's real counts as one closing line, `N passed, N failed`, and writes it to
// $JEST_SUMMARY_FILE when set so that .ci/run can end with it.
const fs = require('node:fs')

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`
    process.stdout.write(`\n${line}\n`)
    if (process.env.JEST_SUMMARY_FILE) fs.writeFileSync(process.env.JEST_SUMMARY_FILE, `${line}\n`)
  }
}

module.exports = SummaryReporter
