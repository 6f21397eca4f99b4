import { describe, expect, it } from 'vitest'
import { findSecrets } from '../src/find-secrets.js'

const defaults = {
  names: ['QUILTT_API_KEY_SECRET'],
  pattern: /SECRET|PRIVATE|API_KEY/i,
  minLength: 16,
}

describe('findSecrets', () => {
  it('checks the named variable from 8 characters, pattern matches from minLength', () => {
    const env = {
      QUILTT_API_KEY_SECRET: '12345678',
      STRIPE_PRIVATE_KEY: 'x'.repeat(16),
      OTHER_API_KEY: 'x'.repeat(15),
      PATH: '/usr/local/bin:/usr/bin:/bin',
    }
    expect(findSecrets({ env, ...defaults }).map((s) => s.name)).toEqual([
      'QUILTT_API_KEY_SECRET',
      'STRIPE_PRIVATE_KEY',
    ])
  })

  it('ignores a named variable shorter than 8 characters, and non-string values', () => {
    const env = { QUILTT_API_KEY_SECRET: '1234567', MY_SECRET_FLAG: true }
    expect(findSecrets({ env, ...defaults })).toEqual([])
  })

  it('trims values, so a trailing newline from a file neither hides nor pads a secret', () => {
    const env = { QUILTT_API_KEY_SECRET: '  abcdefgh\n' }
    expect(findSecrets({ env, ...defaults })).toEqual([
      { name: 'QUILTT_API_KEY_SECRET', value: 'abcdefgh' },
    ])
  })

  it('with pattern null checks only the named variables', () => {
    const env = { DATABASE_URL: 'postgres://u:p@db/app', APP_SECRET: 'y'.repeat(40) }
    const found = findSecrets({ env, names: ['DATABASE_URL'], pattern: null, minLength: 16 })
    expect(found.map((s) => s.name)).toEqual(['DATABASE_URL'])
  })

  it('gives the same answer every call with a global pattern (no lastIndex state)', () => {
    const env = { A_SECRET: 'z'.repeat(20), B_SECRET: 'w'.repeat(20) }
    const options = { ...defaults, env, pattern: /secret/gi }
    expect(findSecrets(options)).toEqual(findSecrets(options))
    expect(findSecrets(options)).toHaveLength(2)
  })

  it('skips allowed pattern matches but never an explicitly named variable', () => {
    const env = {
      VITE_FIREBASE_API_KEY: 'AIza'.padEnd(39, 'x'),
      QUILTT_API_KEY_SECRET: 'k'.repeat(24),
    }
    const allow = ['VITE_FIREBASE_API_KEY', 'QUILTT_API_KEY_SECRET']
    expect(findSecrets({ env, ...defaults, allow }).map((s) => s.name)).toEqual([
      'QUILTT_API_KEY_SECRET',
    ])
  })
})
