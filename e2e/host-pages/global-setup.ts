// Playwright's global setup for the host pages: one esbuild bundle per page for the whole run.
import { buildHostPages } from './build'

export default async function globalSetup(): Promise<void> {
  await buildHostPages()
}
