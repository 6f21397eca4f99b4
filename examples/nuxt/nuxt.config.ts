export default defineNuxtConfig({
  compatibilityDate: '2026-12-01',
  // Fails the build when a secret's value reaches the client build, .output/public or
  // runtimeConfig.public, and checks runtimeConfig.public again when the server starts.
  modules: ['quiltt-secret-guard/nuxt'],
  runtimeConfig: {
    // Public: rendered into every page. Set at run time by NUXT_PUBLIC_QUILTT_CONNECTOR_ID and
    // NUXT_PUBLIC_QUILTT_CONNECTOR_URL (a quiltt-sandbox; empty: Quiltt's own Connector).
    public: { quilttConnectorId: 'your-connector-id', quilttConnectorUrl: '' },
  },
  telemetry: false,
})
