// @ts-check

/** @typedef {import('./scan.js').Leak & { fileName: string }} FileLeak */

/**
 * One line per leak: variable, encodings, file. Never a value or an encoded value: build logs
 * are kept, shared and pasted into issues.
 *
 * @param {readonly FileLeak[]} leaks
 */
export function leakList(leaks) {
  return leaks.map(
    ({ name, encodings, fileName }) => `  - ${name} (${encodings.join(', ')}) in ${fileName}`,
  )
}

/** What to do about any leak, whichever tool found it. */
export const LEAK_ADVICE = [
  'Secrets belong on the server: do not read them in client code, pass them to `define`, or give them a public prefix such as VITE_. The browser should only ever receive a short-lived session token.',
  'Values are never printed. If an output like this was ever published, rotate the secret.',
]

/**
 * The plugin's build error.
 * @param {readonly FileLeak[]} leaks
 * @param {{ publicDir?: boolean }} [found] whether some leaks are in Vite's publicDir
 */
export function leakMessage(leaks, { publicDir = false } = {}) {
  return [
    'The value of a secret environment variable is in the build output; the build was stopped so it is not shipped.',
    ...leakList(leaks),
    // Vite copies publicDir before the bundle is written, so those copies are already there.
    ...(publicDir
      ? [
          'Vite copies the files of publicDir into the output folder as they are, and already has: do not deploy that folder as it is.',
        ]
      : []),
    ...LEAK_ADVICE,
  ].join('\n')
}
