// Bundles the host pages written as apps (React with the dialog libraries, a web component) with
// esbuild, as an app's bundler would: the packages as installed (quiltt-embed-react and
// quiltt-embed resolve to their built dist/, never to their source), React in production mode.
// Built once per run in Playwright's global setup; every test of every worker serves these files.
import { readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const pages = new URL('./pages/', import.meta.url)
/** Where the bundles go: under node_modules, out of the tree and of git. */
export const BUNDLES = new URL('../../node_modules/.cache/quiltt-host-pages/', import.meta.url)

/** The pages that are bundles (an entry file, not a module the pages import). */
const isEntry = (name: string) =>
  /\.tsx?$/.test(name) && !['page-config.ts', 'react-kit.tsx'].includes(name)

export async function buildHostPages(): Promise<string[]> {
  const entries = (await readdir(pages)).filter(isEntry)
  await build({
    entryPoints: entries.map((name) => fileURLToPath(new URL(name, pages))),
    outdir: fileURLToPath(BUNDLES),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    minify: true,
    jsx: 'automatic',
    // Not the repository's tsconfig.json: its `paths` point the packages at their source.
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx' } },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  })
  return entries.map((name) => name.replace(/\.tsx?$/, ''))
}
