#!/usr/bin/env node
// @ts-check
// `npx quiltt-sandbox [--port N] [--secret S] [--token-ttl SECONDS]`: runs the sandbox until
// SIGINT/SIGTERM. Printing the secret is intended: it is a throwaway local sandbox secret.
import { parseArgs } from 'node:util'
import { startSandbox } from '../src/index.js'

const USAGE = `Usage: quiltt-sandbox [--port N] [--host H] [--secret S] [--token-ttl SECONDS]

  --port       port to listen on (default 3100; 0 picks a free one)
  --host       interface to listen on (default 127.0.0.1)
  --secret     API key secret to accept (default: a random sk_sandbox_… value)
  --token-ttl  Session token lifetime in seconds (default 86400)
`

/** @param {string | undefined} value @param {string} name */
function integer(value, name) {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new TypeError(`--${name} must be a whole number; got ${value}`)
  return Number(value)
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      secret: { type: 'string' },
      'token-ttl': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) {
    process.stdout.write(USAGE)
    return
  }
  const sandbox = await startSandbox({
    port: integer(values.port, 'port') ?? 3100,
    host: values.host,
    apiKeySecret: values.secret,
    tokenTtlSeconds: integer(values['token-ttl'], 'token-ttl'),
  })
  console.log(`quiltt-sandbox listening
  Auth API:       ${sandbox.authUrl}
  Connector:      ${sandbox.connectorUrl}
  connector.js:   ${sandbox.scriptUrl}
  API key secret: ${sandbox.apiKeySecret}
Press Ctrl+C to stop.`)
  const stop = async () => {
    await sandbox.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(`quiltt-sandbox: ${error instanceof Error ? error.message : error}`)
  if (error instanceof TypeError) process.stderr.write(USAGE)
  process.exit(1)
})
