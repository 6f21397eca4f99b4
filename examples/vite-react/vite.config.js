import react from '@vitejs/plugin-react'
import { secretGuard } from 'quiltt-secret-guard'
import { defineConfig } from 'vite'

// secretGuard fails `vite build` when a secret's value reaches the bundle.
export default defineConfig({
  plugins: [react(), secretGuard()],
})
