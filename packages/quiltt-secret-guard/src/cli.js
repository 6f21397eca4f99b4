#!/usr/bin/env node
// @ts-check
import { scanCommand } from './scan-command.js'

// Thin on purpose: everything testable lives in scanCommand.
process.exitCode = await scanCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
}).catch((/** @type {Error} */ error) => {
  // An unreadable file or folder: exit 2, not 1, which means a secret was found. fs messages
  // name the path and the reason, never a file's contents.
  console.error(`quiltt-secret-guard: ${error.message}`)
  return 2
})
