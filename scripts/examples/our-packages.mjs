// The packages this repo publishes. Examples declare them like any dependency, but their
// lockfiles never hold them: the tests install them as published (packed tarballs), so a lockfile
// can never pin a local build's integrity or send npm to the public registry for these names.
export const ourPackages = [
  'quiltt-embed',
  'quiltt-embed-react',
  'quiltt-embed-vue',
  'quiltt-sandbox',
  'quiltt-secret-guard',
  'quiltt-session',
]

/** @param {Record<string, string> | undefined} deps  @returns {Record<string, string>} */
export function withoutOurs(deps = {}) {
  return Object.fromEntries(Object.entries(deps).filter(([name]) => !ourPackages.includes(name)))
}
