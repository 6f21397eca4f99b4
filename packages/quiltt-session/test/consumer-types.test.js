// @ts-check
// The published types as an app sees them: test/types/consumer.ts type-checks in a project with
// no @types/node, under exactOptionalPropertyTypes, with our .d.ts checked (skipLibCheck off).
// Its @ts-expect-error lines fail the check if the types stop catching those mistakes.
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const project = fileURLToPath(new URL('./types/tsconfig.json', import.meta.url))

it('type-checks as a consumer without @types/node, under exactOptionalPropertyTypes', async () => {
  const result = await promisify(execFile)(process.execPath, [tsc, '-p', project]).then(
    () => ({ code: 0, stdout: '' }),
    (error) => ({ code: error.code, stdout: String(error.stdout) }),
  )
  expect(result).toEqual({ code: 0, stdout: '' })
}, 60_000)
