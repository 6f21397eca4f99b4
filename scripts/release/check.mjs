// `npm run release:check`: publishes nothing. Fails (one line per problem) when a pinned script
// tag's version or integrity differs from the build that is about to be published, when the SDK
// README pins none, or when a package is not ready to publish. The release workflow runs it after
// the build, before publishing. Once the build's quiltt-embed version is on the registry, the pins
// keep that published file's version and hash (it is what users load) and later builds of
// unreleased changes differ from it: then only the pinned version is checked.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PUBLISHED_PACKAGES } from '../registry/local-registry.mjs'
import { isPublished } from './is-published.mjs'
import { built, findPins, pinFiles, root } from './script-tag-pins.mjs'

const problems = []
let build
try {
  build = built()
} catch (error) {
  problems.push(error.message)
}

if (build) {
  const released = isPublished('quiltt-embed', build.version)
  let pinned = 0
  for (const file of pinFiles()) {
    for (const { version, integrity } of findPins(readFileSync(join(root, file), 'utf8'))) {
      pinned++
      if (version !== build.version) {
        problems.push(
          `${file}: the script tag loads quiltt-embed@${version ?? '(no version)'}, the build is ${build.version}`,
        )
      }
      if (!released && integrity !== build.integrity) {
        problems.push(
          `${file}: the script tag's integrity is ${integrity ?? '(none)'}, the build's is ${build.integrity}`,
        )
      }
    }
  }
  const sdkReadme = readFileSync(join(root, 'packages/quiltt-embed/README.md'), 'utf8')
  if (!findPins(sdkReadme).length)
    problems.push('packages/quiltt-embed/README.md pins no script tag')
  if (!pinned) problems.push('no pinned script tag found')
}

const REQUIRED_FIELDS = [
  'repository',
  'homepage',
  'bugs',
  'engines',
  'keywords',
  'files',
  'license',
]
for (const name of PUBLISHED_PACKAGES) {
  const dir = join(root, 'packages', name)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (pkg.private) problems.push(`${name} is private`)
  for (const field of REQUIRED_FIELDS) if (!pkg[field]) problems.push(`${name} has no "${field}"`)
  for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) {
    if (!existsSync(join(dir, file))) problems.push(`${name} has no ${file}`)
  }
}

for (const problem of problems) console.error(`release:check: ${problem}`)
if (problems.length) process.exit(1)
console.log(`release:check: ready (quiltt-embed@${build.version}, ${build.integrity})`)
