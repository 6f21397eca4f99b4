// @ts-check
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const BIN = fileURLToPath(new URL('../bin/quiltt-sandbox.js', import.meta.url))

test('the CLI prints the URLs and secret, serves, and exits cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [
    BIN,
    '--port',
    '0',
    '--secret',
    'sk_sandbox_cli_test_secret_0123456789',
  ])
  let output = ''
  child.stdout.setEncoding('utf8')
  // Wait for the banner rather than for a fixed time.
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output.includes('Press Ctrl+C')) resolve(undefined)
    })
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)))
  })
  const authUrl = /Auth API:\s+(\S+)/.exec(output)?.[1]
  expect(authUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  expect(output).toMatch(/Connector:\s+http:\/\/\{connectorId\}\.localhost:\d+/)
  expect(output).toMatch(/connector\.js:\s+http:\/\/cdn\.localhost:\d+\/v1\/connector\.js/)
  expect(output).toContain('sk_sandbox_cli_test_secret_0123456789')
  const response = await fetch(`${authUrl}/v1/users/sessions`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_sandbox_cli_test_secret_0123456789' },
  })
  expect(response.status).toBe(201)
  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  expect(code).toBe(0)
})

test('the CLI rejects bad arguments with usage', async () => {
  const child = spawn(process.execPath, [BIN, '--port', 'abc'])
  let errors = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk) => {
    errors += chunk
  })
  const [code] = await once(child, 'exit')
  expect(code).toBe(1)
  expect(errors).toContain('--port must be a whole number')
  expect(errors).toContain('Usage:')
})
