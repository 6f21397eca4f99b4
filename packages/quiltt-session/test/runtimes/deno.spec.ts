// quiltt-session on Deno 2.9 (the npm package `deno` ships the binary), from the packed package.
import { runtimeSuite } from './support'

runtimeSuite('Deno', {
  command: () => ({
    bin: 'deno',
    args: ['run', '--allow-net', '--allow-env', '--allow-read', 'server.js'],
    cwd: 'deno',
  }),
})
