import { Buffer } from 'node:buffer'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeSecret } from '../src/encodings.js'
import { findLeaks } from '../src/scan.js'

const RUNS = 2000

const printableAscii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c))
const secretArb = fc.string({ unit: printableAscii, minLength: 16, maxLength: 64 })
// Arbitrary bytes around the secret put it at every byte offset modulo 3 inside the base64.
const bytesArb = fc.uint8Array({ maxLength: 48 })

const targetsFor = (secret) => [{ name: 'SECRET', needles: encodeSecret(secret) }]
const concat = (...parts) => Buffer.concat(parts.map((part) => Buffer.from(part)))

// Bit strings ('0'/'1') give an oracle that shares nothing with the needle construction.
const bitsOf = (bytes) => Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join('')

describe('base64 detection (property)', () => {
  it('finds a secret base64-encoded among arbitrary bytes, standard or url-safe', () => {
    fc.assert(
      fc.property(secretArb, bytesArb, bytesArb, (secret, prefix, suffix) => {
        const data = concat(prefix, secret, suffix)
        const targets = targetsFor(secret)
        for (const text of [data.toString('base64'), data.toString('base64url')]) {
          const leaks = findLeaks(`const auth = "Basic ${text}"`, targets)
          expect(leaks.map((leak) => leak.name)).toEqual(['SECRET'])
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('flags nothing when the bundle holds an unrelated string of the same length', () => {
    fc.assert(
      fc.property(
        secretArb.chain((secret) =>
          fc.tuple(
            fc.constant(secret),
            fc.string({ unit: printableAscii, minLength: secret.length, maxLength: secret.length }),
          ),
        ),
        bytesArb,
        bytesArb,
        ([secret, other], prefix, suffix) => {
          const data = concat(prefix, other, suffix)
          const bundle = [other, data.toString('base64'), data.toString('base64url')].join('\n')
          // Random strings can genuinely contain the secret; such cases are not false positives,
          // so they are excluded by an independent definition of "contains", which keeps the
          // property deterministic: (1) any textual form of the whole value...
          const bytes = Buffer.from(secret)
          const textForms = [
            secret,
            JSON.stringify(secret).slice(1, -1),
            secret.replace(/[\\']/g, '\\$&'),
            secret.replace(/[\\`]/g, '\\$&').replaceAll('${', '\\${'),
            encodeURIComponent(secret),
            encodeURI(secret),
            new URLSearchParams({ v: secret }).toString().slice(2),
            bytes.toString('hex'),
            bytes.toString('hex').toUpperCase(),
          ]
          fc.pre(!textForms.some((form) => bundle.includes(form)))
          // ...(2) the data's bits holding the secret's bits (all but the first and last byte,
          // which base64 may share with neighbours), at any offset: only then can a base64
          // text of the data show the secret's base64.
          fc.pre(!bitsOf(data).includes(bitsOf(bytes.subarray(1, -1))))

          expect(findLeaks(bundle, targetsFor(secret))).toEqual([])
        },
      ),
      { numRuns: RUNS },
    )
  })
})
