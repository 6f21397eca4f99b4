// Type-level contract of `themeMode` and `labels` (SPEC §3.1): the three modes and nothing else,
// string labels, `undefined` accepted explicitly, and the types exported for bindings.
import { expectTypeOf, test } from 'vitest'
import type { ConnectorLabels, ConnectorOptions, ThemeMode } from '../src/index'

test('themeMode is light, dark or auto', () => {
  expectTypeOf<ThemeMode>().toEqualTypeOf<'light' | 'dark' | 'auto'>()
  expectTypeOf<ConnectorOptions['themeMode']>().toEqualTypeOf<ThemeMode | undefined>()
  const base = { connectorId: 'abc123', token: 'x' }
  const ok: ConnectorOptions[] = [
    { ...base, themeMode: 'auto' },
    { ...base, themeMode: undefined },
    { ...base, labels: { close: 'Cerrar', dialog: undefined } },
  ]
  expectTypeOf(ok).toEqualTypeOf<ConnectorOptions[]>()
  // @ts-expect-error not a theme mode
  const night: ConnectorOptions = { ...base, themeMode: 'night' }
  // @ts-expect-error labels are strings
  const number: ConnectorOptions = { ...base, labels: { close: 5 } }
  void [night, number]
})

test('labels are three optional strings', () => {
  expectTypeOf<ConnectorLabels>().toEqualTypeOf<{
    dialog?: string | undefined
    close?: string | undefined
    loading?: string | undefined
  }>()
})
