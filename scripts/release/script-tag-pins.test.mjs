// The version step's rewrite and release:check's reading of pinned script tags.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findPins, pin } from './script-tag-pins.mjs'

const quickStart = readFileSync(
  new URL('../../e2e/script-tag/quick-start.html', import.meta.url),
  'utf8',
)
const next = `sha384-${'b'.repeat(64)}`

describe('script tag pins', () => {
  it('finds the quick start page pinned to a version with an integrity hash', () => {
    const [found, ...more] = findPins(quickStart)
    expect(more).toEqual([])
    expect(found?.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(found?.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/)
  })

  it('rewrites version and hash and leaves the rest of the page as it was', () => {
    const pinned = pin(quickStart, '0.2.0', next)
    expect(findPins(pinned)).toEqual([
      expect.objectContaining({ version: '0.2.0', integrity: next }),
    ])
    const strip = (text) => text.replace(/quiltt-embed@[^/]+/, '').replace(/integrity="[^"]*"/, '')
    expect(strip(pinned)).toBe(strip(quickStart))
  })

  it('reports an unpinned or hashless tag, from either CDN, so release:check can refuse it', () => {
    const text = `<script src="https://cdn.jsdelivr.net/npm/quiltt-embed/dist/quiltt-embed.min.js" defer></script>`
    expect(findPins(text)).toEqual([
      expect.objectContaining({ version: undefined, integrity: undefined }),
    ])
    // A tag without integrity gets its version pinned; release:check still fails on the hash.
    expect(findPins(pin(text, '0.2.0', next))[0]?.version).toBe('0.2.0')
  })
})
