// The README's self-hosting path for the script build is one a user's code can resolve: Node
// resolves it through the package's `exports` map (as bundlers do) to the built IIFE, the file
// whose hash the README's `integrity` carries. The README once said `quiltt-embed/dist/…`, which
// the exports map does not serve.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const sdk = fileURLToPath(new URL('../../', import.meta.url))
const readme = readFileSync(`${sdk}README.md`, 'utf8')
// Resolved as an app in this repository resolves it: from the workspace's quiltt-embed package.
const require = createRequire(`${sdk}../../package.json`)

test("the README's self-hosting path resolves to the built quiltt-embed.min.js", () => {
  const sentence = readme.split('\n').find((line) => line.includes('To self-host'))
  const paths = [...(sentence ?? '').matchAll(/resolve\('([^']+)'\)/g)].map((match) => match[1])
  expect(paths).toEqual(['quiltt-embed/quiltt-embed.min.js'])
  expect(require.resolve(paths[0]!)).toBe(`${sdk}dist/quiltt-embed.min.js`)
  // Its hash is the one the build wrote for the README's integrity attribute.
  expect(readFileSync(`${sdk}dist/quiltt-embed.min.js.sha384`, 'utf8')).toMatch(/^sha384-/)
})

test('a dist/ path is not exported, so it does not resolve', () => {
  expect(() => require.resolve('quiltt-embed/dist/quiltt-embed.min.js')).toThrow(
    expect.objectContaining({ code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' }),
  )
})
