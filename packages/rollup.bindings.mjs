// The React and Vue bindings, built by the root rollup.config.mjs after the SDK: each is one ESM
// file plus one declaration file, with quiltt-embed and the framework left to the app. The logic
// both share (packages/bindings-common) is bundled into each.
import typescript from '@rollup/plugin-typescript'
import { dts } from 'rollup-plugin-dts'

const external = (id) => /^(quiltt-embed|react|vue)(\/|$)/.test(id)

/**
 * The React binding's components use hooks and context, so its build starts with `'use client'`:
 * then a React Server Component file (Next.js App Router) can render them as they are. Rollup
 * drops module-level directives from what it bundles (and says so), so the source's directive is
 * put back as the output's first line, and only that one warning is silenced (also for a page
 * that bundles the built binding: there the directive has done its job, which was to reach it).
 */
const directives = { 'quiltt-embed-react': "'use client'" }
export const onwarn = (warning, warn) => {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return
  warn(warning)
}

/** @type {import('rollup').RollupOptions[]} */
export const bindingBundles = ['quiltt-embed-react', 'quiltt-embed-vue'].flatMap((name) => {
  const dir = `packages/${name}`
  return [
    {
      input: `${dir}/src/index.ts`,
      external,
      onwarn,
      plugins: [
        typescript({
          tsconfig: `${dir}/tsconfig.json`,
          include: [`${dir}/src/**/*.ts`, 'packages/bindings-common/**/*.ts'],
          noEmit: false,
          outDir: undefined,
        }),
      ],
      output: {
        file: `${dir}/dist/index.js`,
        format: 'es',
        sourcemap: true,
        banner: directives[name],
      },
    },
    {
      input: `${dir}/src/index.ts`,
      external,
      onwarn,
      plugins: [dts({ tsconfig: `${dir}/tsconfig.json` })],
      output: { file: `${dir}/dist/index.d.ts`, format: 'es' },
    },
  ]
})
