// Installs the runtimes (app/package.json: deno, bun and wrangler, pinned in its lockfile) and the
// packed quiltt-session into a copy of app/ outside the repo: inside it, a runtime would resolve
// quiltt-session from the workspace and hide what the published package does. quiltt-embed's
// script build comes from its packed package too, for the Worker's page.
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { cleanEnv, mustRun } from '../../../../examples/test/support/run'

const here = import.meta.dirname
const repo = resolve(here, '../../../..')
/** What an install or a run makes; never copied. */
const generated = new Set(['node_modules', '.wrangler', '.dev.vars', 'quiltt-embed.min.js'])

export default async function globalSetup() {
  // While working on a spec: reuse a copy a KEEP_RUNTIMES run left (installed).
  if (process.env.REUSE_RUNTIMES) {
    process.env.QUILTT_RUNTIMES_DIR = process.env.REUSE_RUNTIMES
    return
  }
  if (!existsSync(join(repo, 'packages/quiltt-embed/dist/quiltt-embed.min.js'))) {
    throw new Error(
      'The packages are not built: run `npm run build` before `npm run test:runtimes`.',
    )
  }
  const root = await mkdtemp(join(tmpdir(), 'quiltt-runtimes-'))
  const dir = join(root, 'app')
  process.env.QUILTT_RUNTIMES_DIR = dir
  const started = Date.now()
  await cp(join(here, 'app'), dir, {
    recursive: true,
    filter: (source) => !generated.has(source.split('/').at(-1) ?? ''),
  })
  const env = cleanEnv()
  await mustRun(
    'npm',
    ['pack', '--pack-destination', root, './packages/quiltt-session', './packages/quiltt-embed'],
    { cwd: repo, env },
  )
  const tarballs = await readdir(root)
  const tarball = (name: string) => {
    const file = tarballs.find((entry) => new RegExp(`^${name}-\\d.*\\.tgz$`).test(entry))
    if (!file) throw new Error(`npm pack made no ${name} tarball in ${root}`)
    return join(root, file)
  }
  const [session, embed] = [tarball('quiltt-session'), tarball('quiltt-embed')]
  await mustRun('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, env })
  // The package as a user's `npm install quiltt-session` puts it there (not in package.json, whose
  // lockfile pins only the runtimes).
  await mustRun('npm', ['install', '--no-save', '--no-audit', '--no-fund', session], {
    cwd: dir,
    env,
  })
  await mustRun(
    'tar',
    [
      '-xzf',
      embed,
      '-C',
      join(dir, 'worker/public'),
      '--strip-components=2',
      'package/dist/quiltt-embed.min.js',
    ],
    { cwd: dir, env },
  )
  console.log(`runtimes: installed in ${Math.round((Date.now() - started) / 1000)} s`)

  return async () => {
    if (process.env.KEEP_RUNTIMES) console.log(`Runtimes kept in ${dir}`)
    else await rm(root, { recursive: true, force: true })
  }
}
