// Small process helpers for the engine launchers: an X display of their own, a free loopback
// port and a condition wait.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

export const XVFB = process.env.XVFB_PATH ?? '/usr/bin/Xvfb'

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

/** Starts Xvfb on a display it picks itself (-displayfd) and resolves that display's name. */
export async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn(
    XVFB,
    ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  )
  const display = await new Promise<string>((resolve, reject) => {
    let out = ''
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk
      if (out.includes('\n')) resolve(`:${out.trim()}`)
    })
    xvfb.once('error', reject)
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready`)))
  })
  return { display, process: xvfb }
}
