// `npm run example -- <name> [--no-build]`: installs examples/<name> with this repository's
// packages, built and published to a throwaway local registry (the one the tests use), so npm
// never asks the public registry for our package names. Until their owners publish them there,
// anyone could register those names, and a bare `npm install` in an example would run their code
// on the machine that holds your Quiltt API key secret.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  PUBLISHED_PACKAGES,
  publishPackages,
  startLocalRegistry,
  withoutNpmConfig,
} from '../registry/local-registry.mjs'
import { installApp } from './install-app.mjs'

const root = resolve(import.meta.dirname, '../..')
const examples = readdirSync(join(root, 'examples')).filter((name) =>
  existsSync(join(root, 'examples', name, 'package.json')),
)

const [name, flag] = process.argv.slice(2)
if (!name || !examples.includes(name) || (flag !== undefined && flag !== '--no-build')) {
  console.error(`Usage: npm run example -- <name> [--no-build], a name of: ${examples.join(', ')}`)
  process.exit(2)
}
const dir = join(root, 'examples', name)

if (flag !== '--no-build') {
  console.log('Building the packages (npm run build)…')
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    env: withoutNpmConfig(process.env),
    stdio: 'inherit',
  })
}
const storage = mkdtempSync(join(tmpdir(), 'quiltt-example-registry-'))
const registry = await startLocalRegistry({ storageDir: storage })
try {
  console.log(`Publishing ${PUBLISHED_PACKAGES.join(', ')} to a local registry…`)
  await publishPackages(registry.url)
  console.log(`Installing examples/${name}…`)
  await installApp(dir, registry.url)
} catch (error) {
  console.error(error.message)
  process.exitCode = 1
} finally {
  await registry.close()
  rmSync(storage, { recursive: true, force: true })
}

if (!process.exitCode) {
  const { scripts = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const start = scripts.build ? 'npm run build && npm start' : 'npm start'
  console.log(`
examples/${name} is installed with this repository's packages.

Run it against a local Quiltt sandbox (examples/${name}/README.md lists its settings):

  npx quiltt-sandbox --secret sk_sandbox_local      # from the repository root, in another terminal
  cd examples/${name}
  ${start}

Run \`npm run example -- ${name}\` again after changing the packages. Do not run a bare
\`npm install\` there until the package names are published by their owners.`)
}
