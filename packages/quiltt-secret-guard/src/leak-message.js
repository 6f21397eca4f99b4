// @ts-check

/** @typedef {import('./scan.js').Leak & { fileName: string }} FileLeak */

/**
 * The build error. It names variables, encodings and files, never a value or an encoded
 * value: build logs are kept, shared and pasted into issues.
 *
 * @param {readonly FileLeak[]} leaks
 */
export function leakMessage(leaks) {
  const lines = leaks.map(
    ({ name, encodings, fileName }) => `  - ${name} (${encodings.join(', ')}) in ${fileName}`,
  )
  return [
    'The value of a secret environment variable is in the build output; the build was stopped so it is not shipped.',
    ...lines,
    'Secrets belong on the server: do not read them in client code, pass them to `define`, or give them a public prefix such as VITE_. The browser should only ever receive a short-lived session token.',
    'Values are never printed. If an output like this was ever published, rotate the secret.',
  ].join('\n')
}
