// node scripts/check-binding-sizes.mjs (npm run test:size): what each framework binding adds on
// top of the SDK in an app's bundle (scripts/binding-sizes.mjs says how it is measured), against
// SPEC §9's budget (bench/lib/budgets.mjs).
import { BUDGETS } from '../bench/lib/budgets.mjs'
import { measureBindingSizes } from './binding-sizes.mjs'

const BUDGET = BUDGETS.binding.limit

const { sdk, added } = await measureBindingSizes()
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`
let failed = false
console.log(`import { createConnector } from 'quiltt-embed': ${kB(sdk)}`)
for (const [name, bytes] of Object.entries(added)) {
  const over = bytes > BUDGET
  failed ||= over
  console.log(
    `${name}, every export, on top of the SDK: ${kB(bytes)} (budget ${kB(BUDGET)})${over ? ' — OVER' : ''}`,
  )
}
if (failed) {
  console.error('A framework binding is over its budget on top of the SDK.')
  process.exit(1)
}
