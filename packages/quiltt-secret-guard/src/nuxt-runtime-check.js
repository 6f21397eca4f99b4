// @ts-check
// A Nitro plugin, bundled into the Nuxt server by Nitro (see nuxt-module.js). It runs once when
// the server starts: a NUXT_PUBLIC_* variable set at run time overrides runtimeConfig.public, so
// the check at build cannot see what the server will render into every page.

import { useRuntimeConfig } from '#imports'
import options from '#quiltt-secret-guard/options'
import { encodeSecret } from './encodings.js'
import { findSecrets } from './find-secrets.js'
import { publicConfigLeaks, publicConfigMessage } from './public-config-leaks.js'

export default function quilttSecretGuardRuntimeCheck() {
  const { names, pattern, minLength, allow } = options
  const secrets = findSecrets({
    env: process.env,
    names,
    pattern: pattern && new RegExp(pattern.source, pattern.flags),
    minLength,
    allow,
  })
  const targets = secrets.map(({ name, value }) => ({ name, needles: encodeSecret(value) }))
  const leaks = publicConfigLeaks(useRuntimeConfig().public, targets, 'runtimeConfig.public')
  // Throwing here stops the server before it serves a single page.
  if (leaks.length > 0) throw new Error(publicConfigMessage(leaks, 'at server start'))
}
