// Runs only in the bindings-react18 projects (Chromium and Node): fails if their aliases ever stop
// reaching React 18.3, so those projects can never pass while silently testing React 19. The
// binding's own hook must run under that react-dom too: a second React copy would make it throw.
import { createElement as h, version as reactVersion } from 'react'
import { version as domVersion } from 'react-dom'
import { renderToString, version as serverVersion } from 'react-dom/server'
import { expect, test } from 'vitest'
import { useQuilttConnector } from '../src/index'

test('react, react-dom and react-dom/server are all 18.3', () => {
  expect(reactVersion).toMatch(/^18\.3\./)
  expect(domVersion).toBe(reactVersion)
  expect(serverVersion).toBe(reactVersion)
})

function State() {
  return h('output', null, useQuilttConnector({ connectorId: 'abc123' }).state)
}

test("the binding's source calls hooks on the same React copy that renders it", () => {
  expect(renderToString(h(State))).toBe('<output>idle</output>')
})
