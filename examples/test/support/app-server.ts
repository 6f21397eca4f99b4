// Starts an example's production server (its `npm start`) and stops it with its whole process
// group (npm, then the framework's own node process).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { expect } from '@playwright/test'
import { freePort } from './ports'
import { cleanEnv } from './run'

export interface AppServer {
  port: number
  /** Everything the server printed, for assertions and for a failure's report. */
  output(): string
  stop(): Promise<void>
}

export async function startApp(dir: string, env: Record<string, string>): Promise<AppServer> {
  const port = await freePort()
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: cleanEnv({ PORT: String(port), NODE_ENV: 'production', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    process.kill(-(child.pid ?? 0), 'SIGTERM')
    await exited
  }
  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`)
          return fetch(`http://127.0.0.1:${port}/`).then(
            (response) => response.status,
            () => 0,
          )
        },
        { timeout: 60_000, message: `the app in ${dir} answers on port ${port}` },
      )
      .toBe(200)
  } catch (error) {
    await stop()
    throw error
  }
  return { port, output: () => output, stop }
}
