// Every pending changeset must be one that `changeset version` can read: a broken header is only
// found at release time, when the version step refuses the whole set.
import { readdirSync, readFileSync } from 'node:fs'
import parse from '@changesets/parse'
import { expect, test } from 'vitest'
import { PUBLISHED_PACKAGES } from '../registry/local-registry.mjs'

const folder = new URL('../../.changeset/', import.meta.url)
const names = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md')
const packages = new Set(PUBLISHED_PACKAGES)

// One test over them all: right after a release there are none, and a file of no tests fails.
test('every pending changeset names our packages and a bump, and says what changed', () => {
  for (const name of names) {
    const where = `.changeset/${name}`
    const { releases, summary } = parse(readFileSync(new URL(name, folder), 'utf8'))
    expect(releases.length, where).toBeGreaterThan(0)
    for (const { name: pkg, type } of releases) {
      expect(packages, where).toContain(pkg)
      expect(['patch', 'minor', 'major'], where).toContain(type)
    }
    expect(summary.trim(), where).not.toBe('')
  }
})
