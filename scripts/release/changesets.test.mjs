// Every pending changeset must be one that `changeset version` can read: a broken header is only
// found at release time, when the version step refuses the whole set.
import { readdirSync, readFileSync } from 'node:fs'
import parse from '@changesets/parse'
import { expect, test } from 'vitest'
import { PUBLISHED_PACKAGES } from '../registry/local-registry.mjs'

const folder = new URL('../../.changeset/', import.meta.url)
const names = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md')
const packages = new Set(PUBLISHED_PACKAGES)

test.each(names)('.changeset/%s names our packages and a bump, and says what changed', (name) => {
  const { releases, summary } = parse(readFileSync(new URL(name, folder), 'utf8'))
  expect(releases.length).toBeGreaterThan(0)
  for (const { name: pkg, type } of releases) {
    expect(packages).toContain(pkg)
    expect(['patch', 'minor', 'major']).toContain(type)
  }
  expect(summary.trim()).not.toBe('')
})
