// A Node server's use of the published server-side packages, type-checked as installed from
// the registry (strict, exactOptionalPropertyTypes, skipLibCheck: false). Never run: only checked.

import type { Sandbox, SandboxOptions } from 'quiltt-sandbox'
import { startSandbox } from 'quiltt-sandbox'
import { secretGuard } from 'quiltt-secret-guard'
import { createSessions, memoryStore, SessionError } from 'quiltt-session'

// Every optional option also accepts `undefined` (exactOptionalPropertyTypes).
const sandboxOptions: SandboxOptions = {
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  host: undefined,
  apiKeySecret: undefined,
  rateLimit: { perHour: undefined },
}
const sandbox: Sandbox = await startSandbox(sandboxOptions)

const sessions = createSessions({
  apiKeySecret: sandbox.apiKeySecret,
  authUrl: sandbox.authUrl,
  store: memoryStore(),
})
const { token, expiresAt } = await sessions.issue({ userId: 'p_123' })
console.log(token.length, expiresAt)
export const POST: (request: Request) => Promise<Response> = sessions.handler({
  user: () => ({ userId: 'p_123' }),
})
try {
  await sessions.revoke({ userId: 'p_123' })
} catch (error) {
  if (error instanceof SessionError) console.log(error.code)
}
await sandbox.close()

export const plugins = [secretGuard(), secretGuard({ names: ['QUILTT_API_KEY_SECRET'] })]
