// Where the docs pin the script-tag build: every `<script src=".../quiltt-embed@VERSION/dist/
// quiltt-embed.min.js" integrity="sha384-…">` in the READMEs and the pages the tests load (the
// quick start, and moving over from Quiltt's connector.js). The version step rewrites them;
// release:check compares them with the build.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sriOf } from '../sri-hash.mjs'

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const sdk = join(root, 'packages/quiltt-embed')

/** A `<script>` tag that loads the IIFE from a CDN; the groups are the version and the tag. */
const SCRIPT_TAG =
  /<script\b[^>]*?\bsrc="https:\/\/(?:unpkg\.com|cdn\.jsdelivr\.net\/npm)\/quiltt-embed(?:@([^/"]*))?\/dist\/quiltt-embed\.min\.js"[^>]*>/g

/** Files that may pin the script tag (README samples must equal the quick-start page). */
export function pinFiles() {
  const files = [
    'README.md',
    'demo/README.md',
    'e2e/script-tag/quick-start.html',
    'e2e/script-tag/moving-over.html',
  ]
  for (const dir of ['packages', 'examples']) {
    if (!existsSync(join(root, dir))) continue
    for (const name of readdirSync(join(root, dir))) files.push(`${dir}/${name}/README.md`)
  }
  return files.filter((file) => existsSync(join(root, file)))
}

/** Each script tag in `text`: its version (undefined when unpinned) and integrity value. */
export function findPins(text) {
  return [...text.matchAll(SCRIPT_TAG)].map((match) => ({
    tag: match[0],
    version: match[1],
    integrity: /\bintegrity="([^"]*)"/.exec(match[0])?.[1],
  }))
}

/** Rewrites every script tag in `text` to `version` and `integrity`. */
export function pin(text, version, integrity) {
  return text.replace(SCRIPT_TAG, (tag) =>
    tag
      .replace(/quiltt-embed(?:@[^/"]*)?\/dist\//, `quiltt-embed@${version}/dist/`)
      .replace(/\bintegrity="[^"]*"/, `integrity="${integrity}"`),
  )
}

/** What the build produced: the SDK's version and the IIFE's SRI hash (checked against the file). */
export function built() {
  const { version } = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8'))
  const iife = join(sdk, 'dist/quiltt-embed.min.js')
  if (!existsSync(`${iife}.sha384`))
    throw new Error('no dist/quiltt-embed.min.js.sha384: run npm run build first')
  const bytes = readFileSync(iife)
  const integrity = readFileSync(`${iife}.sha384`, 'utf8').trim()
  if (integrity !== sriOf(bytes))
    throw new Error('dist/quiltt-embed.min.js.sha384 does not match the file: rebuild')
  // The version is inlined at build time: a build from before the version step is stale.
  if (!bytes.includes(JSON.stringify(version))) {
    throw new Error(
      `dist/quiltt-embed.min.js was not built from version ${version}: run npm run build`,
    )
  }
  return { version, integrity }
}
