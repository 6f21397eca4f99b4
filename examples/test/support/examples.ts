// Which examples run, and where global-setup put their installed copies.
import { join } from 'node:path'

export const allExamples = [
  'express',
  'nextjs',
  'sveltekit',
  'nuxt',
  'vite-react',
  'astro',
  'angular',
] as const
export type Example = (typeof allExamples)[number]

/** `EXAMPLES=express,nextjs` runs only those (for working on one); default all. */
export function selectedExamples(): Example[] {
  const wanted = process.env.EXAMPLES?.split(',').map((name) => name.trim())
  if (!wanted) return [...allExamples]
  const unknown = wanted.filter((name) => !allExamples.includes(name as Example))
  if (unknown.length) throw new Error(`EXAMPLES names unknown examples: ${unknown.join(', ')}`)
  return wanted as Example[]
}

/** The copy of `example` that global-setup installed and built, outside the repo. */
export function exampleDir(example: Example): string {
  const root = process.env.QUILTT_EXAMPLES_DIR
  if (!root)
    throw new Error('QUILTT_EXAMPLES_DIR is unset: run through examples/test/playwright.config.ts')
  return join(root, example)
}

/** Where global-setup writes the output of `example`'s build when it failed. */
export const buildFailure = (example: Example): string => `${exampleDir(example)}.build-failed.log`
