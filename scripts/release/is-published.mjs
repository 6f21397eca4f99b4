// Whether a version is already on the registry npm is configured with (the check and the publish
// step both ask, so a release never re-publishes and the check knows which hash to expect).
import { execFileSync } from 'node:child_process'
import { root } from './script-tag-pins.mjs'

/** True when `name@version` is already on the registry (npm answers E404 otherwise). */
export function isPublished(name, version) {
  try {
    execFileSync('npm', ['view', `${name}@${version}`, 'version'], { stdio: 'pipe', cwd: root })
    return true
  } catch (error) {
    if (/E404|is not in this registry/.test(String(error.stderr))) return false
    throw new Error(`npm view ${name}@${version} failed: ${String(error.stderr).trim()}`)
  }
}
