// The built file starts with 'use client' (SPEC §10), so a React Server Component file (Next.js
// App Router) can render QuilttButton without a wrapper. A directive counts only as the module's
// very first statement, and Rollup drops directives unless the build puts it back. Reads dist:
// `npm test` builds before the unit tests.
import { readFileSync } from 'node:fs'
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { expect, test } from 'vitest'

const built = new URL('../dist/index.js', import.meta.url)

test("the build's first statement is the 'use client' directive", () => {
  const [first] = readFileSync(built, 'utf8').split('\n')
  expect(first).toMatch(/^(['"])use client\1;?$/)
})

// Loading the built file (and the SDK behind it) cold takes seconds on a busy machine.
test('the built file still renders on the server', { timeout: 30_000 }, async () => {
  const { QuilttButton } = await import(/* @vite-ignore */ built.href)
  expect(renderToString(h(QuilttButton, { connectorId: 'abc123' }, 'Link your bank'))).toBe(
    '<button type="button">Link your bank</button>',
  )
})

test("the Vue binding's build carries no React directive", () => {
  const vue = readFileSync(new URL('../../quiltt-embed-vue/dist/index.js', import.meta.url), 'utf8')
  expect(vue).not.toMatch(/use client/)
})
