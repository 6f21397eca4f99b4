import { describe, expect, it } from 'vitest'
import { secretGuard } from '../src/index.js'
import { base64, base64url, buildError, leakedForms, leakLines, SECRET } from './helpers.js'

const env = { QUILTT_API_KEY_SECRET: SECRET }
const guard = () => secretGuard({ env })

describe('a planted secret fails the Rollup build', () => {
  it('verbatim, naming the variable, the encoding and the file, never the value', async () => {
    const error = await buildError(`export const key = ${JSON.stringify(SECRET)}`, {
      guard: guard(),
    })
    expect(error?.message).toContain('[plugin quiltt-secret-guard]')
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in entry.js'])
    expect(leakedForms(error, SECRET)).toEqual([])
    expect(error?.cause).toBeUndefined()
  })

  it('URL-encoded', async () => {
    const encoded = encodeURIComponent(SECRET)
    expect(encoded).not.toBe(SECRET)
    const code = `export const url = "https://api.example.test/v1?key=${encoded}"`
    const error = await buildError(code, { guard: guard() })
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (URL-encoded) in entry.js'])
    expect(leakedForms(error, SECRET)).toEqual([])
  })

  // 4, 5 and 6 bytes of prefix put the secret at byte offset 1, 2 and 0 modulo 3.
  it.each(['p_1:', 'p_12:', 'p_123:'])(
    'base64 after the prefix %j (Basic auth)',
    async (prefix) => {
      const code = `export const auth = "Basic ${base64(prefix + SECRET)}"`
      const error = await buildError(code, { guard: guard() })
      expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (base64) in entry.js'])
      expect(leakedForms(error, SECRET)).toEqual([])
    },
  )

  it.each(['p_1:', 'p_12:', 'p_123:'])('base64url without padding after %j', async (prefix) => {
    const encoded = base64url(`${prefix + SECRET}.suffix`)
    expect(encoded).not.toBe(base64(`${prefix + SECRET}.suffix`).replace(/=+$/, ''))
    const error = await buildError(`export const t = "${encoded}"`, { guard: guard() })
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (base64url) in entry.js'])
  })

  it('hex', async () => {
    const hex = Buffer.from(SECRET).toString('hex')
    const error = await buildError(`export const h = "0x${hex}"`, { guard: guard() })
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (hex) in entry.js'])
  })

  it('JS-escaped, as `define` or @rollup/plugin-replace print a value with quotes', async () => {
    const quoted = 'sk_"quoted"\\path\\12345'
    const error = await buildError(`export const k = ${JSON.stringify(quoted)}`, {
      guard: secretGuard({ env: { QUILTT_API_KEY_SECRET: quoted } }),
    })
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (JS-escaped) in entry.js'])
    expect(leakedForms(error, quoted)).toEqual([])
  })

  it('in an emitted binary asset', async () => {
    const source = new Uint8Array([0x00, 0xff, 0x80, 0x9f, ...Buffer.from(SECRET), 0xc3, 0x28])
    const emitter = {
      name: 'emit-binary',
      buildStart() {
        this.emitFile({ type: 'asset', fileName: 'assets/keys.bin', source })
      },
    }
    const error = await buildError('export const x = 1', { guard: guard(), plugins: [emitter] })
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in assets/keys.bin'])
  })

  it('in an asset emitted as a string, base64-encoded inside a data URL', async () => {
    const emitter = {
      name: 'emit-css',
      generateBundle() {
        // Emitted late, in generateBundle, as some plugins do: the guard runs after them.
        const url = `data:text/plain;base64,${base64(`token=${SECRET}`)}`
        this.emitFile({ type: 'asset', fileName: 'style.css', source: `a{background:url(${url})}` })
      },
    }
    const error = await buildError('export const x = 1', { guard: guard(), plugins: [emitter] })
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (base64) in style.css'])
  })

  // Tree-shaking drops the function from the code, but sourcesContent keeps the whole source.
  const shaken = `function unused() { return ${JSON.stringify(SECRET)} }\nexport const x = 1`

  it('in a source map file, even when the code itself is clean', async () => {
    const error = await buildError(shaken, { guard: guard(), output: { sourcemap: true } })
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in entry.js.map'])
  })

  it('in an inline source map', async () => {
    const error = await buildError(shaken, { guard: guard(), output: { sourcemap: 'inline' } })
    // The code ends with the map as a base64 data URL; the map itself is also read as JSON,
    // which catches values the data URL's base64 would hide (a JSON-escaped one, say).
    expect(leakLines(error)).toEqual([
      'QUILTT_API_KEY_SECRET (base64) in entry.js',
      'QUILTT_API_KEY_SECRET (verbatim) in entry.js (inline source map)',
    ])
  })

  it('when used as an output plugin, where buildStart never runs', async () => {
    const code = `export const key = ${JSON.stringify(SECRET)}`
    const warnings = []
    const error = await buildError(code, {
      guard: { name: 'noop' },
      output: { plugins: [guard()] },
      warnings,
    })
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in entry.js'])
    // Rollup says so, but the guard still works: it prepares its needles on first use.
    expect(warnings.map((w) => w.code)).toEqual(['INPUT_HOOK_IN_OUTPUT_PLUGIN'])
  })

  it('lists every leak in one error', async () => {
    const other = 'stripe-private-0123456789abcdef'
    const code = `export const a = "${SECRET}", b = "${base64(SECRET)}", c = "${other}"`
    const error = await buildError(code, {
      guard: secretGuard({ env: { ...env, STRIPE_PRIVATE_KEY: other } }),
    })
    expect(leakLines(error)).toEqual([
      'QUILTT_API_KEY_SECRET (verbatim, base64) in entry.js',
      'STRIPE_PRIVATE_KEY (verbatim) in entry.js',
    ])
    expect(leakedForms(error, other)).toEqual([])
  })

  it('without printing a file name that contains the secret', async () => {
    const emitter = {
      name: 'emit-named',
      buildStart() {
        const hex = Buffer.from(SECRET).toString('hex')
        this.emitFile({ type: 'asset', fileName: `cache-${hex}.txt`, source: 'ok' })
      },
    }
    const error = await buildError('export const x = 1', { guard: guard(), plugins: [emitter] })
    expect(leakLines(error)).toEqual([
      'QUILTT_API_KEY_SECRET (hex) in (an output file whose name contains it)',
    ])
    expect(leakedForms(error, SECRET)).toEqual([])
  })
})

describe('which variables are checked', () => {
  const planted = (value) => `export const v = ${JSON.stringify(value)}`

  it('a clean build passes', async () => {
    expect(await buildError('export const x = "hello"', { guard: guard() })).toBeUndefined()
  })

  it('a pattern-matched value shorter than minLength is ignored', async () => {
    const value = 'fifteen-chars!!'
    expect(value).toHaveLength(15)
    const error = await buildError(planted(value), {
      guard: secretGuard({ env: { SHOP_API_KEY: value } }),
    })
    expect(error).toBeUndefined()
  })

  it('a pattern-matched value of minLength characters is checked', async () => {
    const value = 'sixteen-chars!!!'
    const error = await buildError(planted(value), {
      guard: secretGuard({ env: { SHOP_API_KEY: value } }),
    })
    expect(leakLines(error)).toEqual(['SHOP_API_KEY (verbatim) in entry.js'])
  })

  it('a named variable shorter than 8 characters is ignored', async () => {
    const error = await buildError(planted('abc1234'), {
      guard: secretGuard({ env: { QUILTT_API_KEY_SECRET: 'abc1234' } }),
    })
    expect(error).toBeUndefined()
  })

  it('a variable whose name does not match is ignored', async () => {
    const value = 'https://cdn.example.test/assets/app.js'
    const error = await buildError(planted(value), {
      guard: secretGuard({ env: { PUBLIC_ASSET_URL: value } }),
    })
    expect(error).toBeUndefined()
  })

  it('custom names are checked whatever they look like', async () => {
    const value = 'postgres://app:hunter22@db.internal/app'
    const error = await buildError(planted(value), {
      guard: secretGuard({ env: { DATABASE_URL: value }, names: ['DATABASE_URL'] }),
    })
    expect(leakLines(error)).toEqual(['DATABASE_URL (verbatim) in entry.js'])
  })

  it('a custom minLength raises the bar for pattern matches', async () => {
    const value = 'x'.repeat(20)
    const error = await buildError(planted(value), {
      guard: secretGuard({ env: { SOME_SECRET: value }, minLength: 21 }),
    })
    expect(error).toBeUndefined()
  })

  it('an allowed public key may ship', async () => {
    const value = 'AIzaSyPublicWebKey-0123456789abcdefgh'
    const error = await buildError(planted(value), {
      guard: secretGuard({
        env: { VITE_FIREBASE_API_KEY: value },
        allow: ['VITE_FIREBASE_API_KEY'],
      }),
    })
    expect(error).toBeUndefined()
  })

  it('pattern null checks the named variables only', async () => {
    const error = await buildError(planted('y'.repeat(32)), {
      guard: secretGuard({ env: { APP_SECRET: 'y'.repeat(32) }, pattern: null }),
    })
    expect(error).toBeUndefined()
  })

  it('reads process.env by default', async () => {
    const name = 'QUILTT_SECRET_GUARD_TEST_SECRET'
    process.env[name] = 'from-process-env-0123456789'
    try {
      const error = await buildError(planted(process.env[name]), { guard: secretGuard() })
      expect(leakLines(error)).toEqual([`${name} (verbatim) in entry.js`])
    } finally {
      delete process.env[name]
    }
  })

  it('rejects invalid options without echoing them', () => {
    expect(() => secretGuard({ minLength: 4 })).toThrow(
      /`minLength` must be an integer of at least 8/,
    )
    expect(() => secretGuard({ pattern: 'SECRET' })).toThrow(TypeError)
    expect(() => secretGuard({ names: 'QUILTT_API_KEY_SECRET' })).toThrow(/`names`/)
    expect(() => secretGuard({ allow: [1] })).toThrow(/`allow`/)
    expect(() => secretGuard({ env: 'QUILTT_API_KEY_SECRET=abc' })).toThrow(
      /^quiltt-secret-guard: `env` must be an object/,
    )
  })
})
