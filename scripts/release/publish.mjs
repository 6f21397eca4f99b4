// `npm run release:publish`: publishes each package whose version is not on the registry yet,
// with npm provenance when run in the release workflow (`npm publish --provenance`: a signed
// statement of the commit and workflow that built it, which needs the CI's OIDC token). Extra arguments go to
// `npm publish`, e.g. `npm run release:publish -- --dry-run`. Then tags the release commit.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PUBLISHED_PACKAGES } from '../registry/local-registry.mjs'
import { isPublished } from './is-published.mjs'
import { root } from './script-tag-pins.mjs'

const extra = process.argv.slice(2)
const dryRun = extra.includes('--dry-run')
// npm signs provenance with the CI's OIDC token; on a maintainer's machine there is none.
const provenance = process.env.GITHUB_ACTIONS === 'true' ? ['--provenance'] : []
if (!provenance.length) console.log('Publishing without provenance: it can only be signed in CI.')

let published = 0
for (const name of PUBLISHED_PACKAGES) {
  const dir = join(root, 'packages', name)
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (isPublished(name, version)) {
    console.log(`${name}@${version} is already published`)
    continue
  }
  const args = ['publish', '-w', name, '--access', 'public', ...provenance, ...extra]
  console.log(`npm ${args.join(' ')}`)
  execFileSync('npm', args, { stdio: 'inherit', cwd: root })
  published++
}
// Git tags (quiltt-embed@0.1.0, …) for what was released; the workflow pushes them.
if (published && !dryRun) execFileSync('npx', ['changeset', 'tag'], { stdio: 'inherit', cwd: root })
