// @ts-check
import { readdir, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, sep } from 'node:path'

/**
 * Files Next.js prerenders into `.next/server` and serves as they are: pages (`.html`), RSC
 * payloads (`.rsc`, also `*.segments/*.segment.rsc`), route handler bodies (`.body`) and their
 * headers and status (`.meta`). Everything else there is server code.
 */
const NEXT_PRERENDERED = new Set(['.html', '.rsc', '.body', '.meta'])

/**
 * Why a file is not something a browser can receive, or null when it is. Server bundles may
 * rightly hold the secret (that is where it belongs), so scanning them would fail every
 * correct build.
 *
 * @param {string} path absolute, or relative to the project folder
 * @returns {string | null}
 */
export function serverReason(path) {
  const parts = path.split(sep)
  if (parts.includes('node_modules')) return 'node_modules'
  const next = parts.lastIndexOf('.next')
  if (next !== -1) {
    const area = parts[next + 1]
    if (area === 'static') return null
    if (area === 'server' && NEXT_PRERENDERED.has(extname(path))) return null
    // The Pages Router's getStaticProps data, served from /_next/data/.
    if (area === 'server' && parts[next + 2] === 'pages' && extname(path) === '.json') return null
    return 'Next.js server code and build data'
  }
  const nitro = parts.lastIndexOf('.output')
  if (nitro !== -1 && parts[nitro + 1] === 'server') return 'Nitro server bundle'
  // .svelte-kit/output holds client/, prerendered/ (both served) and server/; the rest of
  // .svelte-kit is generated source and types.
  const kit = parts.lastIndexOf('.svelte-kit')
  if (kit !== -1 && (parts[kit + 1] !== 'output' || parts[kit + 2] === 'server')) {
    return 'SvelteKit server code and generated source'
  }
  return null
}

/**
 * Every file under the given folders (or the given files themselves), with the files a
 * browser cannot receive marked as skipped. Symbolic links to files are followed; links to
 * folders are not, so a link cycle cannot make the walk endless.
 *
 * @param {string} root absolute path of a folder or a file
 * @param {string} project absolute path of the project folder. Paths inside it are judged
 *   from there, so a project that itself lives under a `node_modules` or `.next` folder is
 *   not skipped whole.
 * @returns {AsyncGenerator<{ path: string, skipped: string | null }>}
 */
export async function* browserFiles(root, project) {
  const judge = (/** @type {string} */ path) => {
    const inside = relative(project, path)
    return serverReason(inside.startsWith('..') || isAbsolute(inside) ? path : inside)
  }
  const info = await stat(root)
  if (!info.isDirectory()) {
    yield { path: root, skipped: judge(root) }
    return
  }
  const entries = await readdir(root, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(root, entry.name)
    if (entry.isDirectory()) {
      yield* browserFiles(path, project)
    } else if (entry.isFile()) {
      yield { path, skipped: judge(path) }
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null)
      if (target?.isFile()) yield { path, skipped: judge(path) }
    }
  }
}
