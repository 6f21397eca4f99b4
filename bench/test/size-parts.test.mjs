// `npm run bench:size` is how we find where the SDK's bytes go when a size budget is missed; it
// parses the SDK's source to drop the error messages, so a new way of writing a message can break
// it (a template literal holding another one once did, and nothing noticed until it was needed).
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { root } from '../lib/paths.mjs'

test('bench:size builds every variant and each part it drops makes the bundle smaller', async () => {
  const { stdout } = await promisify(execFile)('node', ['bench/size-parts.mjs'], { cwd: root })
  const kB = (label) => {
    const row = stdout.split('\n').find((line) => line.startsWith(`| ${label}`))
    expect(row, `row "${label}" in:\n${stdout}`).toBeDefined()
    return Number(row.split('|')[2].replace('kB', ''))
  }
  const full = kB('import { createConnector }: everything')
  expect(full).toBeGreaterThan(1)
  // Every message is dropped, not just the ones a pattern happened to match: they are several
  // hundred bytes of gzip, so a drop of less than 0.3 kB means most were missed.
  expect(full - kB('  without the error messages')).toBeGreaterThan(0.3)
  expect(kB('  without the modal')).toBeLessThan(full)
  expect(kB('import { createConnector, scriptTransport }')).toBeGreaterThan(full)
  expect(kB('quiltt-embed.min.js equivalent')).toBeGreaterThan(full)
})
