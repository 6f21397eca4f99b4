// The built files are ASCII where it matters (SPEC §6.1, issue 27): a page served as windows-1252
// or with no charset reads a script in that charset too, and a raw `×` becomes `Ã—`. The IIFE is
// ASCII throughout; in the ESM build, everything but comments is (strings carry `\u` escapes).
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const dist = fileURLToPath(new URL('../../dist/', import.meta.url))
const NON_ASCII = /[\u0080-\uffff]/

function read(name: string): string {
  const path = `${dist}${name}`
  expect(existsSync(path), `${path} is missing: run \`npm run build\``).toBe(true)
  return readFileSync(path, 'utf8')
}

/**
 * Every token of `code` that holds a non-ASCII character. Comments are trivia, not tokens, except
 * that TypeScript hangs JSDoc comments on the tree: those are left out.
 */
function nonAsciiTokens(code: string): string[] {
  const file = ts.createSourceFile('index.js', code, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isJSDoc(node)) return
    const children = node.getChildren(file)
    if (children.length) children.forEach(visit)
    else if (NON_ASCII.test(node.getText(file))) found.push(node.getText(file))
  }
  visit(file)
  return found
}

describe('the script-tag build (quiltt-embed.min.js)', () => {
  test('is ASCII, byte for byte', () => {
    const bytes = readFileSync(`${dist}quiltt-embed.min.js`)
    expect(bytes.length).toBeGreaterThan(1000)
    expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1)
  })

  test('still shows × and … (as escapes)', () => {
    const code = read('quiltt-embed.min.js')
    expect(code).toMatch(/\\xd7|\\u00d7/i)
    expect(code).toMatch(/Loading\\u2026/i)
  })
})

describe('the ESM build (index.js)', () => {
  test('has no non-ASCII character outside comments', () => {
    const code = read('index.js')
    // The check can see one: the build's comments do keep theirs.
    expect(NON_ASCII.test(code)).toBe(true)
    expect(nonAsciiTokens(code)).toEqual([])
  })

  test('the check finds a raw character in a string, a template and a regular expression', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source, as text
    const code = "// ×\n/** … */\nconst a = '×', b = `…${a}…`, c = /é/\n/* … */\nfunction d() {}"
    expect(nonAsciiTokens(code)).toEqual(["'×'", '`…${', '}…`', '/é/'])
  })
})
