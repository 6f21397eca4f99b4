// quiltt-session on Bun 1.4 (the npm package `bun` ships the binary), from the packed package.
import { pinned, runtimeSuite } from './support'

runtimeSuite('Bun', {
  agent: `Bun/${pinned.bun}`,
  command: () => ({ bin: 'bun', args: ['run', 'server.js'], cwd: 'bun' }),
})
