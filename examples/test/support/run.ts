// Child processes for the harness: a command's result, with its output kept for the report.
import { spawn } from 'node:child_process'

export interface RunResult {
  code: number | null
  output: string
  ms: number
  /** It was still running after `timeout` ms and was killed. */
  timedOut: boolean
}

export interface RunOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  timeout?: number
}

/**
 * Runs a command to its end. `env` replaces the environment entirely: the caller decides what a
 * build may see (a build must not inherit this shell's secrets or REDIS_URL by accident).
 */
export function run(
  command: string,
  args: string[],
  { cwd, env, timeout }: RunOptions,
): Promise<RunResult> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let timedOut = false
    const timer =
      timeout === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            child.kill('SIGKILL')
          }, timeout)
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output, ms: Date.now() - started, timedOut })
    })
  })
}

/** As `run`, but a non-zero exit throws with the command's output. */
export async function mustRun(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${options.cwd}:\n${result.output}`)
  }
  return result
}

/**
 * The environment a build or server starts from: this one without anything Quiltt-, Redis-,
 * framework- or npm-specific, so only what a test passes on purpose reaches the app.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(QUILTT_|REDIS_|NEXT_|NUXT_|NITRO_|VITE_|PUBLIC_)/.test(name)) continue
    // npm passes its own settings to scripts as npm_config_*; a nested npm must use its own.
    if (/^npm_config_/i.test(name) && !/^npm_config_cache$/i.test(name)) continue
    env[name] = value
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', NUXT_TELEMETRY_DISABLED: '1', ...extra }
}
