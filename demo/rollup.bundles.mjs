// Demo bundles built by the root rollup.config.mjs (the SPA imports quiltt-embed like an integrator
// would). They come after the SDK bundles in that config: `quiltt-embed` resolves through the
// workspace package's `exports` to packages/quiltt-embed/dist/index.js, built just before.
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

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
]
