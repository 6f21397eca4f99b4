// Modules that exist only inside a Nuxt server build (Nitro's aliases), declared for
// nuxt-runtime-check.js's type check. Not part of the package's public types.
declare module '#quiltt-secret-guard/options' {
  const options: {
    names: string[]
    pattern: { source: string; flags: string } | null
    minLength: number
    allow: string[]
  }
  export default options
}

declare module '#imports' {
  export function useRuntimeConfig(): { public: unknown }
}
