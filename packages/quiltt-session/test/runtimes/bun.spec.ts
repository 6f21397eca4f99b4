// quiltt-session on Bun 1.4 (the npm package `bun` ships the binary), from the packed package.
import { runtimeSuite } from './support'

runtimeSuite('Bun', {
  command: () => ({ bin: 'bun', args: ['run', 'server.js'], cwd: 'bun' }),
})
