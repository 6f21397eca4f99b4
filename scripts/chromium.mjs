// Finds a Chromium for Playwright and vitest. Browsers cannot be downloaded on our machines,
// so we prefer CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own cache.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright'

const candidates = () => [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  (() => {
    try {
      return chromium.executablePath()
    } catch {
      return undefined
    }
  })(),
]

/** @returns {string | undefined} the first Chromium executable that exists */
export function findChromium() {
  return candidates().find((path) => path && existsSync(path))
}

/** Flags that keep Chromium quiet on a closed network and runnable as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

export function launchOptions() {
  const executablePath = findChromium()
  return { ...(executablePath ? { executablePath } : {}), args: chromiumArgs }
}
