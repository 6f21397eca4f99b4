// The `quiltt-embed` Trusted Types policy (issue 16): it turns only configured script URLs into
// TrustedScriptURLs and throws for anything else, so whoever reached it could not launder a URL.
// The URL it allows is the one loaded: `scriptUrl` with the SDK's agent (SPEC §4.2, §4.4).
// The policy's rules are captured as the SDK registers them; this file's page has no other.
import { afterEach, expect, test } from 'vitest'
import {
  cleanup,
  createScriptConnector,
  emit,
  scriptUrl,
  waitForQuilttOpen,
  withAgent,
} from './helpers'

afterEach(cleanup)

type Rules = { createScriptURL(url: string): string }

test('createScriptURL allows exactly the configured scriptUrl, as loaded with the agent', async () => {
  type CreatePolicy = (name: string, rules: Rules) => unknown
  const factory = (window as unknown as { trustedTypes: { createPolicy: CreatePolicy } })
    .trustedTypes
  const original = factory.createPolicy
  let rules: Rules | undefined
  factory.createPolicy = function (this: unknown, name: string, given: Rules) {
    if (name === 'quiltt-embed') rules = given
    return original.call(this, name, given)
  }
  try {
    const url = scriptUrl()
    const connector = createScriptConnector({ scriptUrl: url })
    const opening = connector.open()
    await waitForQuilttOpen(connector.connectorId)
    emit(connector.connectorId, 'Load')
    await opening
    expect(rules).toBeDefined()
    expect(rules!.createScriptURL(withAgent(url))).toBe(withAgent(url))
    for (const other of [
      url,
      'https://evil.example/connector.js',
      `${url}?x=1`,
      url.replace('connector.js', 'evil.js'),
      'javascript:alert(1)',
    ]) {
      expect(() => rules!.createScriptURL(other)).toThrow(/configured scriptUrl/)
    }
  } finally {
    factory.createPolicy = original
  }
})
