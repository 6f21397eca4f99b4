// @ts-check
// Starts Debian's redis-server on a free loopback port for one test file, with persistence off,
// and can restart it on the same port (an outage in the middle of a run).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'

/** @returns {Promise<number>} a port that was free a moment ago */
export async function freePort() {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** @param {number} port */
async function spawnRedis(port) {
  const child = spawn(
    process.env.REDIS_SERVER ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output.includes('Ready to accept connections')) resolve(undefined)
    })
    child.once('error', (error) =>
      reject(new Error(`redis-server could not start (apt-get install redis-server): ${error}`)),
    )
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)))
  })
  await ready
  return child
}

/**
 * @returns {Promise<{ url: string, port: number, stop(): Promise<void>, restart(): Promise<void> }>}
 */
export async function startRedis() {
  const port = await freePort()
  let child = await spawnRedis(port)
  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    async restart() {
      await stop()
      child = await spawnRedis(port)
    },
  }
}
