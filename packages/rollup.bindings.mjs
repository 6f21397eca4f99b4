// The React and Vue bindings, built by the root rollup.config.mjs after the SDK: each is one ESM
// file plus one declaration file, with quiltt-embed and the framework left to the app.
import typescript from '@rollup/plugin-typescript'
import { dts } from 'rollup-plugin-dts'

const external = (id) => /^(quiltt-embed|react|vue)(\/|$)/.test(id)

/** @type {import('rollup').RollupOptions[]} */
export const bindingBundles = ['quiltt-embed-react', 'quiltt-embed-vue'].flatMap((name) => {
  const dir = `packages/${name}`
  return [
    {
      input: `${dir}/src/index.ts`,
      external,
      plugins: [
        typescript({
          tsconfig: `${dir}/tsconfig.json`,
          include: [`${dir}/src/**/*.ts`],
          noEmit: false,
          outDir: undefined,
        }),
      ],
      output: { file: `${dir}/dist/index.js`, format: 'es', sourcemap: true },
    },
    {
      input: `${dir}/src/index.ts`,
      external,
      plugins: [dts({ tsconfig: `${dir}/tsconfig.json` })],
      output: { file: `${dir}/dist/index.d.ts`, format: 'es' },
    },
  ]
})
