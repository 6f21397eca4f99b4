// node scripts/check-binding-sizes.mjs (npm run test:size): what each framework binding adds on
// top of the SDK in an app's bundle (scripts/binding-sizes.mjs says how it is measured), against
// SPEC §9's budget and each binding's growth guard.
import { BUDGETS } from '../bench/lib/budgets.mjs'
import { measureBindingSizes } from './binding-sizes.mjs'

const BUDGET = BUDGETS.binding.limit
// Each binding is guarded at what it measured (2026-12-02) + 20 B, so it cannot grow unnoticed;
// the guards move to the budget with the size-limit guards, once the round's features land.
const GUARDS = { 'quiltt-embed-react': 1260, 'quiltt-embed-vue': 1340 }

const { sdk, added } = await measureBindingSizes()
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`
let failed = false
console.log(`import { createConnector } from 'quiltt-embed': ${kB(sdk)}`)
for (const [name, guard] of Object.entries(GUARDS)) {
  const bytes = added[name]
  const over = bytes > Math.min(guard, BUDGET)
  failed ||= over
  console.log(
    `${name}, every export, on top of the SDK: ${kB(bytes)} (SPEC budget ${kB(BUDGET)}, guard ${kB(guard)})${over ? ' — OVER' : ''}`,
  )
}
if (failed) {
  console.error('A framework binding grew past its guard or its budget on top of the SDK.')
  process.exit(1)
}
