// Part of `npm run release:version`, after `changeset version`: writes quiltt-session's new
// version into packages/quiltt-session/src/version.js, which its Quiltt-SDK-Agent header reports.
// The package has no build step and runs on Workers and Edge, where reading package.json at run
// time is not an option, so the version is a constant in the source (a test checks they agree).
import { readFileSync, writeFileSync } from 'node:fs'

const dir = new URL('../../packages/quiltt-session/', import.meta.url)
const { version } = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'))
const file = new URL('src/version.js', dir)
const text = readFileSync(file, 'utf8')
const next = text.replace(/export const version = '[^']*'/, `export const version = '${version}'`)
if (!next.includes(`'${version}'`)) throw new Error('src/version.js has no `export const version`')
if (next !== text) {
  writeFileSync(file, next)
  console.log(`quiltt-session/src/version.js: ${version}`)
}
