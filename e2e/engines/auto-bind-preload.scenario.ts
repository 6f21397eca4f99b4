// Declarative use and preload in each engine: the script-tag build binds data-quiltt-* markup
// with the author's configuration from its own tag and reports through bubbling quiltt:* events;
// markup that tries to configure a token or URL is refused; preload() prepares a Connector that
// nobody can see, focus or hit, and open() then shows that very frame without reloading it.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { describeEngines } from './session'

interface QuilttEvent {
  name: string
  target: string
  bubbles: boolean
  detail: Record<string, unknown>
}

describeEngines('autoBind and preload', (session) => {
  const events = async (target: string) =>
    (await session().call<QuilttEvent[]>('quilttEvents')).filter((e) => e.target === target)
  const names = async (target: string) => (await events(target)).map((e) => e.name)

  test('script tag: a bound button opens the modal on a real click; quiltt:* events bubble with their detail', async () => {
    const { call, driver, hostPage, servers } = session()
    await hostPage({ bundle: 'iife', scriptTag: 'configured' })
    await call('listenQuiltt')
    const connectorId = await call<string>('unique', 'ab')
    const button = await call<string>('addElement', 'button', { 'data-quiltt-button': connectorId })
    await driver.click(`#${button}`)
    await expect.poll(() => names(button)).toEqual(['open', 'load'])
    expect(await call('dialogOrigin')).toBe(`http://${connectorId}.localhost:${servers.puppetPort}`)
    const fields = { connectionId: 'conn_7', profileId: 'p_7' }
    await call('postFromDialog', { source: 'quiltt', type: 'ExitSuccess', ...fields })
    await expect.poll(() => names(button)).toEqual(['open', 'load', 'exit-success', 'exit'])
    const [open, , success, exit] = await events(button)
    expect(open).toEqual({
      name: 'open',
      target: button,
      bubbles: true,
      detail: { metadata: { connectorId } },
    })
    expect(success!.detail).toEqual({ metadata: { connectorId, ...fields } })
    expect(exit!.detail).toEqual({
      type: 'exited.successful',
      metadata: { connectorId, ...fields },
    })
    expect(await call('dialog')).toBeNull()
  })

  test('script tag: a data-quiltt-container mounts inline at once; eager preload shows a button at once', async () => {
    const { call, driver, hostPage, servers } = session()
    await hostPage({ bundle: 'iife', scriptTag: 'configured' })
    await call('listenQuiltt')
    const inlineId = await call<string>('unique', 'in')
    const container = await call<string>('addElement', 'div', {
      'data-quiltt-container': inlineId,
    })
    await expect.poll(() => names(container)).toEqual(['open', 'load'])
    expect(await call('frameIn', container)).toBe(
      `http://${inlineId}.localhost:${servers.puppetPort}`,
    )
    const eagerId = await call<string>('unique', 'eg')
    const button = await call<string>('addElement', 'button', {
      'data-quiltt-button': eagerId,
      'data-quiltt-preload': 'eager',
    })
    // Prepared, nothing is shown and nothing is reported yet.
    await expect.poll(() => call('hasFrame', eagerId)).toBe(true)
    expect(await names(button)).toEqual([])
    await driver.click(`#${button}`)
    await expect.poll(() => names(button)).toEqual(['open', 'load'])
  })

  // IntersectionObserver is engine code. (The hover mode's pointerenter/focus is not driven here:
  // the driver has no hover, and headless Firefox fires no focus events; Chromium tests it.)
  test('data-quiltt-preload="visible" prepares once the element scrolls into view, not before', async () => {
    const { call, hostPage } = session()
    await hostPage({ bundle: 'iife', scriptTag: 'configured' })
    const visibleId = await call<string>('unique', 'vi')
    const hoverId = await call<string>('unique', 'hv')
    // Padding in front pushes the button far below the fold from the moment it is bound.
    const spacer = await call<string>('addElement', 'div', {})
    await call('setStyle', spacer, 'paddingTop', '4000px')
    const below = await call<string>(
      'addElement',
      'button',
      { 'data-quiltt-button': visibleId, 'data-quiltt-preload': 'visible' },
      spacer,
    )
    await call<string>('addElement', 'button', {
      'data-quiltt-button': hoverId,
      'data-quiltt-preload': 'hover',
    })
    await call('frames')
    await call('frames')
    expect(await call('hasFrame', visibleId)).toBe(false)
    expect(await call('hasFrame', hoverId)).toBe(false)

    await call('scrollIntoView', below)
    await expect.poll(() => call('hasFrame', visibleId)).toBe(true)
    // A hover-mode button that nobody pointed at stays unprepared.
    expect(await call('hasFrame', hoverId)).toBe(false)
  })

  test('markup that names a token URL is not bound: quiltt:error INVALID_OPTIONS, and a click does nothing', async () => {
    const { call, driver, hostPage } = session()
    await hostPage({ bundle: 'iife', scriptTag: 'configured' })
    await call('listenQuiltt')
    const button = await call<string>('addElement', 'button', {
      'data-quiltt-button': await call<string>('unique', 'ev'),
      'data-quiltt-token-url': '/session',
    })
    await expect
      .poll(() => events(button))
      .toEqual([
        {
          name: 'error',
          target: button,
          bubbles: true,
          detail: { error: { code: 'INVALID_OPTIONS' } },
        },
      ])
    await driver.click(`#${button}`)
    expect(await call('dialog')).toBeNull()
    expect(await names(button)).toEqual(['error'])
  })

  test('autoBind(root, config) with data-quiltt-transport="script": two buttons, one connector.js request', async () => {
    const { call, driver, hostPage, servers } = session()
    await hostPage({ bundle: 'esm', csp: 'strict' })
    await call('listenQuiltt')
    const scriptUrl = `http://cdn.localhost:${servers.scriptPort}/v1/connector.js?t=${randomUUID()}&autoload=1`
    const attributes = (id: string) => ({
      'data-quiltt-button': id,
      'data-quiltt-transport': 'script',
    })
    const first = await call<string>('addElement', 'button', attributes(await call('unique', 's')))
    const second = await call<string>('addElement', 'button', attributes(await call('unique', 's')))
    expect(await call('autoBind', 'content', { scriptUrl })).toBe(true)
    await driver.click(`#${first}`)
    await driver.click(`#${second}`)
    await expect.poll(() => names(first)).toEqual(['open', 'load'])
    await expect.poll(() => names(second)).toEqual(['open', 'load'])
    expect(await servers.scriptRequests(scriptUrl)).toBe(1)
    expect(await call('violations')).toEqual([])
  })

  test('preload(): the prepared modal is invisible, inert and out of the way; open() shows that frame at once', async () => {
    const { call, driver, hostPage } = session()
    await hostPage()
    const before = await call<{ overflow: string; content: object }>('page')
    const id = await call<string>('create')
    expect(await call('focus', '#opener')).toBe('button "opener"')
    expect(await call('preload', id)).toBe('resolved')
    expect(await call('prepared', id)).toEqual({
      visible: false,
      inert: true,
      ariaHidden: true,
      dialogShown: false,
    })
    expect(await call('page')).toMatchObject({ inert: [], overflow: before.overflow })
    expect(await call('active')).toBe('button "opener"')
    expect(await call('names', id)).toEqual([])
    await call('markFrame', id, 'prepared')
    // A real click on the page still reaches the opener: nothing prepared intercepts it.
    await call('bindOpener', id)
    await driver.click('#opener')
    await expect.poll(() => call('state', id)).toBe('open')
    expect(await call('names', id)).toEqual(['open', 'event:opened', 'load', 'event:loaded'])
    expect(await call('frameMark', id)).toBe('prepared')
    expect(await call('loads', id)).toBe(1)
    expect(await call('prepared', id)).toMatchObject({
      visible: true,
      inert: false,
      dialogShown: true,
    })
    expect(await call('active')).toBe('dialog[role=dialog] "Quiltt Connector"')
  })

  test('preload() inline: no layout shift while prepared; open() shows the same frame', async () => {
    const { call, hostPage } = session()
    await hostPage()
    const id = await call<string>('create', { inline: true })
    const before = await call<{ content: object }>('page')
    expect(await call('preload', id)).toBe('resolved')
    expect((await call<{ content: object }>('page')).content).toEqual(before.content)
    expect(await call('prepared', id)).toMatchObject({
      visible: false,
      inert: true,
      ariaHidden: true,
    })
    await call('markFrame', id, 'prepared')
    expect(await call('openAndWait', id)).toBe('resolved')
    expect(await call('frameMark', id)).toBe('prepared')
    expect(await call('loads', id)).toBe(1)
    expect(await call('prepared', id)).toMatchObject({
      visible: true,
      inert: false,
      ariaHidden: false,
    })
  })
})
