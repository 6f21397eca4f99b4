// Demo bundles built by the root rollup.config.mjs (the SPA imports quiltt-embed like an integrator
// would). They come after the SDK bundles in that config: `quiltt-embed` resolves through the
// workspace package's `exports` to packages/quiltt-embed/dist/index.js, built just before.
import commonjs from '@rollup/plugin-commonjs'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'
import { onwarn } from '../packages/rollup.bindings.mjs'

/** The React and Vue pages: the framework bundled in production mode (React ships CommonJS). */
const frameworkPage = (name) => ({
  input: `demo/src/${name}.ts`,
  // quiltt-embed-react starts with 'use client', which a client bundle has no use for.
  onwarn,
  plugins: [
    replace({
      preventAssignment: true,
      values: {
        'process.env.NODE_ENV': JSON.stringify('production'),
        __VUE_OPTIONS_API__: 'false',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
    }),
    nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts'] }),
    commonjs(),
    typescript({
      tsconfig: 'demo/tsconfig.json',
      include: ['demo/src/**/*.ts'],
      outDir: undefined,
    }),
    terser({ format: { comments: false } }),
  ],
  output: { file: `demo/dist/${name}.js`, format: 'es', sourcemap: true },
})

/** @type {import('rollup').RollupOptions[]} */
export const demoBundles = [
  {
    input: 'demo/src/spa.ts',
    plugins: [
      nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts'] }),
      typescript({
        tsconfig: 'demo/tsconfig.json',
        include: ['demo/src/**/*.ts'],
        outDir: undefined,
      }),
    ],
    output: { file: 'demo/dist/spa.js', format: 'es', sourcemap: true },
  },
  frameworkPage('react'),
  frameworkPage('vue'),
]
