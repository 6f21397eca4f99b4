// @ts-check
// A browser bundle of quiltt-session must fail loudly: the package holds the API key secret.

import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/** @param {'browser' | 'node'} platform */
async function bundle(platform) {
  const result = await build({
    stdin: {
      contents: "import { createSessions } from 'quiltt-session'\nexport default createSessions",
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

it('a browser bundle throws "quiltt-session runs on your server" when loaded', async () => {
  const code = await bundle('browser')
  expect(code).not.toContain('Authorization')
  expect(code).not.toContain('/v1/users/sessions')
  const load = import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
  await expect(load).rejects.toThrow('quiltt-session runs on your server')
})

it('a Node bundle gets the real package', async () => {
  const code = await bundle('node')
  expect(code).toContain('/v1/users/sessions')
})
