// Searching a stream piece by piece finds what searching it whole finds, wherever the pieces
// are cut: through a needle, through a multi-byte UTF-8 character, one byte at a time.
import { Buffer } from 'node:buffer'
import { expect, it } from 'vitest'
import { chunkedSearch } from '../src/chunked-search.js'
import { encodeSecret } from '../src/encodings.js'
import { findLeaks } from '../src/scan.js'

const secret = 'ls_sk_clé&privée_0042'
const targets = [{ name: 'QUILTT_API_KEY_SECRET', needles: encodeSecret(secret) }]

/** @param {Buffer} bytes @param {number} size */
function searchInPieces(bytes, size) {
  const search = chunkedSearch(targets)
  for (let start = 0; start < bytes.length; start += size) {
    search.push(bytes.subarray(start, start + size))
  }
  return search.end()
}

const forms = {
  verbatim: Buffer.from(`x=${JSON.stringify(secret)};`),
  // Only the UTF-8 view holds this one: a piece boundary inside `é` must not break it.
  'HTML-escaped': Buffer.from(`<p data-k="${secret.replace('&', '&amp;')}">`),
  base64: Buffer.from(`auth="${Buffer.from(`id:${secret}`).toString('base64')}"`),
  // A binary asset: the UTF-8 bytes of the secret between bytes that are not UTF-8.
  latin1: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(secret), Buffer.from([0x89])]),
}

it.each(Object.entries(forms))('finds the %s form however the stream is cut', (_form, inner) => {
  const bytes = Buffer.concat([Buffer.from('a'.repeat(100)), inner, Buffer.from('z'.repeat(100))])
  const whole = [
    ...findLeaks(bytes.toString('utf8'), targets),
    ...findLeaks(bytes.toString('latin1'), targets),
  ].flatMap((leak) => leak.encodings)
  expect(whole.length).toBeGreaterThan(0)
  for (const size of [1, 2, 3, 7, 16, 31, bytes.length]) {
    const [leak] = searchInPieces(bytes, size)
    expect(new Set(leak?.encodings), `pieces of ${size}`).toEqual(new Set(whole))
  }
})

it('finds nothing in a stream without the secret, however it is cut', () => {
  const bytes = Buffer.from(`${'ls_sk_clé&privée_004'.repeat(50)}1`)
  for (const size of [1, 5, 64]) expect(searchInPieces(bytes, size)).toEqual([])
})
