// The demo serves built bundles; `npm test` builds first, a bare `npx playwright test` may not.
import { ensureBuilt } from '../demo/build.mjs'

export default async function globalSetup(): Promise<void> {
  await ensureBuilt()
}
