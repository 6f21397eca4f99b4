// One config for every bundle the repo ships or serves.
import { readFileSync } from 'node:fs'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'
import { dts } from 'rollup-plugin-dts'
import { demoBundles } from './demo/rollup.bundles.mjs'
import { secretGuard } from './packages/quiltt-secret-guard/src/index.js'
import { bindingBundles } from './packages/rollup.bindings.mjs'
import { sriHash } from './scripts/sri-hash.mjs'

const sdkDir = 'packages/quiltt-embed'
const { version } = JSON.parse(readFileSync(`${sdkDir}/package.json`, 'utf8'))

// The version is inlined so the bundle never reads package.json or process.env at run time.
const inlineVersion = () =>
  replace({
    preventAssignment: true,
    values: { __QUILTT_EMBED_VERSION__: JSON.stringify(version) },
  })

const ts = () =>
  typescript({
    tsconfig: `${sdkDir}/tsconfig.json`,
    declaration: false,
    declarationDir: undefined,
    outDir: undefined,
    rootDir: undefined,
    include: [`${sdkDir}/src/**/*.ts`],
    exclude: ['**/*.test.ts'],
  })

const browserResolve = () => nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts'] })

// ascii_only: the script tag may sit on a page served as windows-1252 or with no charset, where
// a raw `×` in the file would be read as `Ã—`; escaped, it is `×` whatever the page's charset.
const minify = () =>
  terser({
    ecma: 2020,
    module: false,
    compress: { passes: 2 },
    format: { comments: false, ascii_only: true },
  })

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    // ESM: nanoevents stays external (the package's only runtime dependency).
    input: `${sdkDir}/src/index.ts`,
    external: ['nanoevents'],
    plugins: [inlineVersion(), browserResolve(), ts()],
    output: { file: `${sdkDir}/dist/index.js`, format: 'es', sourcemap: true },
  },
  {
    // One self-contained declaration file: Quiltt's types are inlined, nanoevents' too.
    input: `${sdkDir}/src/index.ts`,
    plugins: [nodeResolve({ extensions: ['.d.ts', '.ts'] }), dts({ respectExternal: true })],
    output: { file: `${sdkDir}/dist/index.d.ts`, format: 'es' },
  },
  {
    // Script-tag build: everything bundled, defines window.QuilttEmbed. Its sha384 is written
    // beside it for the README's <script integrity> (Subresource Integrity).
    input: `${sdkDir}/src/iife.ts`,
    plugins: [inlineVersion(), browserResolve(), ts(), minify(), sriHash()],
    output: { file: `${sdkDir}/dist/quiltt-embed.min.js`, format: 'iife', sourcemap: true },
  },
  ...bindingBundles,
  ...demoBundles,
].map((bundle) => ({
  ...bundle,
  // Every bundle we ship or serve fails to build if a secret from the environment leaks into it.
  plugins: [...(bundle.plugins ?? []), secretGuard()],
}))
