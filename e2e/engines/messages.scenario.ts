// The three inbound message checks, in each engine: a message counts only from this connector's
// own iframe window, on exactly its origin — not from another origin, not from another window on
// the same origin, not after the frame was navigated elsewhere. Plus every event mapping, in order.
import { beforeEach, expect, test } from 'vitest'
import { describeEngines } from './session'

const quiltt = (type: string, fields: Record<string, unknown> = {}) => ({
  source: 'quiltt',
  type,
  ...fields,
})

describeEngines('message checks and events', (session) => {
  beforeEach(async () => {
    await session().hostPage()
  })

  test('a Quiltt message from another origin is dropped', async () => {
    const { call } = session()
    const id = await call<string>('create', { inline: true })
    expect(await call('openAndWait', id)).toBe('resolved')
    const evil = await call<string>('foreignFrame', await call('unique', 'evil'))
    await call('post', evil, quiltt('ExitSuccess', { connectionId: 'conn_evil' }))
    await call('post', evil, quiltt('Navigate', { url: 'https://phish.example/' }))
    // The connector's own frame, heard after the evil messages, still counts.
    await call('post', id, quiltt('ExitAbort'))
    expect(await call('names', id)).toEqual([
      'open',
      'event:opened',
      'load',
      'event:loaded',
      'exitAbort',
      'exit',
      'event:exited.aborted',
    ])
    expect(await call('errors')).toEqual([])
  })

  test('another window on the same connector origin is not heard', async () => {
    const { call } = session()
    const id = await call<string>('create', { inline: true, prefix: 'noload' })
    await call('open', id)
    await call('live', id)
    const twin = await call<string>('foreignFrame', id)
    const app = session().servers.app
    await call('post', twin, quiltt('Load'), app)
    await call('post', twin, quiltt('ExitSuccess'), app)
    expect(await call('state', id)).toBe('opening')
    expect(await call('names', id)).toEqual(['open', 'event:opened'])
    await call('post', id, quiltt('Load'))
    expect(await call('state', id)).toBe('open')
    await call('post', twin, quiltt('ExitError'), app)
    expect(await call('names', id)).toEqual(['open', 'event:opened', 'load', 'event:loaded'])
  })

  test('after the connector frame navigates to another origin, its messages are dropped', async () => {
    const { call } = session()
    const id = await call<string>('create', { inline: true })
    expect(await call('openAndWait', id)).toBe('resolved')
    await call('navigateAway', id)
    await call('post', id, quiltt('ExitSuccess', { connectionId: 'conn_evil' }))
    await call('post', id, quiltt('Navigate', { url: 'https://phish.example/' }))
    expect(await call('names', id)).toEqual(['open', 'event:opened', 'load', 'event:loaded'])
    expect(await call('state', id)).toBe('open')
    expect(await call('errors')).toEqual([])
  })

  test('every Connector message maps to its events, specific first, then exit, then event', async () => {
    const { call } = session()
    const id = await call<string>('create', { inline: true })
    expect(await call('openAndWait', id)).toBe('resolved')
    const fields = { connectionId: 'conn_1', profileId: 'p_1', connectorSession: { id: 's_1' } }
    await call('post', id, quiltt('Navigate', { url: 'https://bank.example/oauth' }))
    await call('post', id, quiltt('ExitSuccess', fields))
    await call('post', id, quiltt('ExitAbort'))
    await call('post', id, quiltt('ExitError'))
    const metadata = { connectorId: id, ...fields }
    expect(await call('log', id)).toEqual([
      ['open', { connectorId: id }],
      ['event', 'opened', { connectorId: id }],
      ['load', { connectorId: id }],
      ['event', 'loaded', { connectorId: id }],
      ['navigate', 'https://bank.example/oauth', { connectorId: id }],
      ['exitSuccess', metadata],
      ['exit', 'exited.successful', metadata],
      ['event', 'exited.successful', metadata],
      ['exitAbort', metadata],
      ['exit', 'exited.aborted', metadata],
      ['event', 'exited.aborted', metadata],
      ['exitError', metadata],
      ['exit', 'exited.errored', metadata],
      ['event', 'exited.errored', metadata],
    ])
  })
})
