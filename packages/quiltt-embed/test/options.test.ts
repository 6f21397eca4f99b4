// createConnector validates its options synchronously (SPEC §3.1): every refusal is a
// ConnectorError thrown before anything touches the DOM or the network.
import { afterEach, describe, expect, test } from 'vitest'
import type { ConnectorOptions } from '../src/index'
import {
  ConnectorError,
  createConnector,
  iframeTransport,
  scriptTransport,
  version,
} from '../src/index'
import {
  catchError,
  cleanup,
  connectorUrl,
  create,
  dialogs,
  domNodeCount,
  iframes,
  makeContainer,
  makeToken,
  uniqueId,
} from './helpers'

afterEach(cleanup)

const base = (): ConnectorOptions => ({ connectorId: uniqueId(), token: makeToken(), connectorUrl })

/** createConnector must throw `code` synchronously; returns the error. */
function refuse(options: unknown, code = 'INVALID_OPTIONS'): ConnectorError {
  const error = catchError(() => createConnector(options as ConnectorOptions))
  expect(error.code).toBe(code)
  expect(error.name).toBe('ConnectorError')
  expect(error.message).not.toBe('')
  return error
}

test('exports the build version and an Error subclass', () => {
  expect(version).toBe('0.0.0-test')
  const error = new ConnectorError('INVALID_OPTIONS', 'x')
  expect(error).toBeInstanceOf(Error)
  expect(error.name).toBe('ConnectorError')
  expect(error.code).toBe('INVALID_OPTIONS')
})

test('valid options give an idle connector and touch neither the DOM nor the network', () => {
  const nodes = domNodeCount()
  const resources = performance.getEntriesByType('resource').length
  const options = base()
  const connector = create(options)
  expect(connector.connectorId).toBe(options.connectorId)
  expect(connector.state).toBe('idle')
  expect(domNodeCount()).toBe(nodes)
  expect(iframes()).toEqual([])
  expect(dialogs()).toEqual([])
  expect(performance.getEntriesByType('resource').length).toBe(resources)
})

describe('connectorId', () => {
  test.each([
    ['empty', ''],
    ['leading hyphen', '-a'],
    ['dot', 'a.b'],
    ['slash', 'a/b'],
    ['64 characters', 'a'.repeat(64)],
    ['non-ASCII', 'évil'],
    ['space', 'a b'],
    ['underscore', 'a_b'],
    ['trailing newline', 'abc\n'],
    ['colon and port', 'abc:80'],
    ['URL-ish', 'evil.com/x?'],
  ])('refuses %s with INVALID_CONNECTOR_ID', (_label, connectorId) => {
    refuse({ ...base(), connectorId }, 'INVALID_CONNECTOR_ID')
  })

  test.each(['a', '0', 'abc123', 'AbC-123', 'a'.repeat(63)])('accepts %s', (connectorId) => {
    expect(create({ connectorId }).connectorId).toBe(connectorId)
  })

  test.each([
    ['missing', undefined],
    ['a number', 42],
    ['an object', {}],
  ])('refuses a connectorId that is %s', (_label, connectorId) => {
    const error = catchError(() =>
      createConnector({ ...base(), connectorId } as unknown as ConnectorOptions),
    )
    expect(['INVALID_CONNECTOR_ID', 'INVALID_OPTIONS']).toContain(error.code)
  })
})

test.each([
  ['undefined', undefined],
  ['null', null],
  ['a string', 'abc123'],
])('refuses %s as the options object with a ConnectorError', (_label, options) => {
  const error = catchError(() => createConnector(options as unknown as ConnectorOptions))
  expect(['INVALID_OPTIONS', 'INVALID_CONNECTOR_ID']).toContain(error.code)
})

describe('token option type', () => {
  test.each([
    ['missing', { token: undefined }],
    ['null', { token: null }],
    ['a number', { token: 42 }],
    ['an object', { token: { token: makeToken() } }],
    ['an array', { token: [makeToken()] }],
    ['a boolean', { token: true }],
  ])('refuses a token that is %s with INVALID_OPTIONS', (_label, override) => {
    refuse({ ...base(), ...override })
  })

  test('refuses an options object with no token key at all', () => {
    const { token: _dropped, ...rest } = base()
    refuse(rest)
  })

  test('accepts a provider function without calling it', () => {
    let calls = 0
    create({
      token: () => {
        calls++
        return makeToken()
      },
    })
    expect(calls).toBe(0)
  })
})

describe('transport', () => {
  // Strings (the old API included) and look-alikes are refused with a message naming the values.
  test.each([
    'iframe',
    'script',
    'carrier-pigeon',
    '',
    1,
    null,
    {},
    { mount: async () => ({ remove() {} }) },
  ])('refuses transport %j', (transport) => {
    const error = refuse({ ...base(), transport })
    expect(error.message).toContain('iframeTransport or scriptTransport')
  })

  test('accepts iframeTransport explicitly', () => {
    expect(create({ transport: iframeTransport }).state).toBe('idle')
  })

  test('container with scriptTransport is INVALID_OPTIONS', () => {
    const error = refuse({ ...base(), transport: scriptTransport, container: makeContainer() })
    expect(error.message).toMatch(/container/)
  })

  // The script transport has landed (it was refused with INVALID_OPTIONS before): it is valid now,
  // and like the iframe transport it does nothing until open().
  test('script transport is accepted and stays idle until open()', () => {
    const nodes = domNodeCount()
    expect(create({ transport: scriptTransport }).state).toBe('idle')
    expect(domNodeCount()).toBe(nodes)
    expect(document.querySelector('script[src*="connector.js"]')).toBeNull()
  })
})

describe('container', () => {
  test.each([
    ['a selector that matches nothing', '#no-such-container-anywhere'],
    ['an invalid selector', '[[not a selector'],
    ['an empty string', ''],
    ['a number', 42],
    ['a plain object', { appendChild() {} }],
    ['the document', document],
    ['a text node', document.createTextNode('x')],
  ])('refuses %s with INVALID_OPTIONS', (_label, container) => {
    refuse({ ...base(), container })
  })

  test('accepts an element and a selector without changing them', () => {
    const element = makeContainer()
    element.append(document.createElement('span'))
    const html = element.outerHTML
    create({ container: element })
    create({ container: `#${element.id}` })
    expect(element.outerHTML).toBe(html)
  })
})

describe('timeout', () => {
  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1000'])(
    'refuses %s',
    (timeout) => {
      refuse({ ...base(), timeout })
    },
  )

  test.each([1, 300, 15000])('accepts %s', (timeout) => {
    expect(create({ timeout }).state).toBe('idle')
  })
})

describe('callbacks', () => {
  const names = [
    'onEvent',
    'onOpen',
    'onLoad',
    'onExit',
    'onExitSuccess',
    'onExitAbort',
    'onExitError',
    'onNavigate',
    'onError',
  ] as const

  test.each(names)('refuses a non-function %s', (name) => {
    refuse({ ...base(), [name]: 'not a function' })
    refuse({ ...base(), [name]: {} })
  })

  test('accepts functions for every callback', () => {
    const callbacks = Object.fromEntries(names.map((name) => [name, () => {}]))
    expect(create(callbacks).state).toBe('idle')
  })
})

test.each(['connectionId', 'institution', 'appLauncherUrl', 'nonce'])(
  'refuses a non-string %s',
  (name) => {
    refuse({ ...base(), [name]: 1 })
  },
)

describe('connectorUrl', () => {
  test.each([
    'https://{connectorId}.quiltt.app',
    'https://{connectorId}.quiltt.app/',
    'https://connector.quiltt.dev',
    'http://abc.localhost:1',
    'http://{connectorId}.localhost:8080',
    'http://localhost:3000',
    'http://localhost',
    'http://127.0.0.1:9',
    'http://[::1]:9',
  ])('accepts %s', (url) => {
    expect(create({ connectorUrl: url }).state).toBe('idle')
  })

  test.each([
    ['plain http to a public host', 'http://example.com'],
    ['plain http to the Quiltt host', 'http://{connectorId}.quiltt.app'],
    ['a host that only starts with localhost', 'http://localhost.example.com'],
    ['a host that only starts with 127.0.0.1', 'http://127.0.0.1.nip.io'],
    ['a look-alike loopback suffix', 'http://abc.localhost.evil.com:1'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<p>hi</p>'],
    ['ftp:', 'ftp://connector.quiltt.app'],
    ['a path', 'https://{connectorId}.quiltt.app/connect'],
    ['a query', 'https://{connectorId}.quiltt.app/?mode=MODAL'],
    ['a query without slash', 'https://{connectorId}.quiltt.app?x=1'],
    ['a fragment', 'https://{connectorId}.quiltt.app/#x'],
    ['a protocol-relative URL', '//{connectorId}.quiltt.app'],
    ['not a URL', 'not a url'],
    ['an empty string', ''],
    ['a number', 42],
  ])('refuses %s with INVALID_OPTIONS', (_label, url) => {
    refuse({ ...base(), connectorUrl: url })
  })
})

describe('scriptUrl', () => {
  test.each([
    'https://cdn.quiltt.io/v1/connector.js',
    'http://cdn.localhost:1/v1/connector.js',
    'http://127.0.0.1:9/connector.js',
    'http://localhost:3000/connector.js',
  ])('accepts %s', (scriptUrl) => {
    expect(create({ scriptUrl }).state).toBe('idle')
  })

  test.each([
    ['plain http to a public host', 'http://cdn.example.com/connector.js'],
    ['a host that only starts with localhost', 'http://localhost.example.com/connector.js'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/javascript,alert(1)'],
    ['a protocol-relative URL', '//cdn.quiltt.io/v1/connector.js'],
    ['not a URL', 'connector.js'],
    ['a number', 42],
  ])('refuses %s with INVALID_OPTIONS', (_label, scriptUrl) => {
    refuse({ ...base(), scriptUrl })
  })
})

test('an invalid option leaves no trace in the DOM', () => {
  const nodes = domNodeCount()
  refuse({ ...base(), connectorUrl: 'http://example.com' })
  refuse({ ...base(), container: '#missing' })
  expect(domNodeCount()).toBe(nodes)
})
