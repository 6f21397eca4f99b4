// Small process helpers for the engine launchers: a free loopback port and a condition wait.
import { createServer } from 'node:net'

/** A port that was free on 127.0.0.1 a moment ago (for servers that cannot take port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Polls `condition` every 50 ms until it is true; rejects after `timeout` ms. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeout = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeout
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
