// quiltt-session on Deno 2.9 (the npm package `deno` ships the binary), from the packed package.
import { pinned, runtimeSuite } from './support'

runtimeSuite('Deno', {
  agent: `Deno/${pinned.deno}`,
  command: () => ({
    bin: 'deno',
    args: ['run', '--allow-net', '--allow-env', '--allow-read', 'server.js'],
    cwd: 'deno',
  }),
})
