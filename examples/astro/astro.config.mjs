import node from '@astrojs/node'
import { defineConfig } from 'astro/config'
import { secretGuard } from 'quiltt-secret-guard'

// A production server (`astro build`, then `npm start`): every page is rendered per request, so
// the sign-in and the Quiltt settings are read at run time, not at build.
// secretGuard fails `astro build` when a secret's value reaches what the browser receives.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  vite: { plugins: [secretGuard()] },
})
