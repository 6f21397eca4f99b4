// `npm start`: build what is missing, start the demo (and the sandbox unless Quiltt credentials
// are set), print the URL.
import { ensureBuilt } from './build.mjs'
import { startDemo } from './server.mjs'

const port = Number(process.env.PORT ?? 3000)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`)
  process.exit(1)
}

try {
  await ensureBuilt()
  const demo = await startDemo({ port, host: process.env.HOST ?? '127.0.0.1' })
  console.log(`Demo: ${demo.url} (sign in on the home page with any name)`)
  console.log(
    `Session tokens: ${demo.store === 'redis' ? 'in Redis (REDIS_URL)' : 'in server memory'}.`,
  )
  if (demo.mode === 'sandbox') {
    console.log(
      `Mode: sandbox — a local quiltt-sandbox (Auth API ${demo.sandbox?.authUrl}), Connector ` +
        `"${demo.connectorId}". Set QUILTT_API_KEY_SECRET and QUILTT_CONNECTOR_ID for real Quiltt.`,
    )
  } else {
    console.log(`Mode: Quiltt — real Quiltt with Connector "${demo.connectorId}".`)
  }
  const stop = () => {
    demo.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
