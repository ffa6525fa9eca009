/**
 * Child processes for the scripts and the process-level tests, in one place:
 *
 * - `startGroup` spawns a command in a process group of its own (detached),
 *   keeps a tail of its output as lines (terminal colours removed), optionally
 *   writes every line to a log file and hands each line to `onLine`;
 * - `run` runs one to its end: resolves with the output's tail, rejects with
 *   it on a non-zero exit or when `timeoutMs` passes (the group is killed);
 * - `stopGroup` ends a group: SIGTERM, SIGKILL after a grace period;
 * - every group still alive when this process exits is SIGKILLed, and
 *   `watchParent` (used by exit-with-parent.js, which Medusa processes
 *   preload) ends a child whose parent is gone without running its exit hooks;
 * - `runForeground` runs a command on this terminal (stdio inherited, same
 *   process group, so Ctrl-C reaches it) and resolves its exit code.
 */
const fs = require("fs")
const path = require("path")
const { spawn } = require("child_process")
const { stripVTControlCharacters } = require("util")

const STOP_TIMEOUT_MS = 15_000
const TAIL_LINES = 400

/** Process groups started here and not yet reaped. */
const liveGroups = new Set()
process.on("exit", () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, "SIGKILL")
    } catch {}
  }
})

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function groupAlive(pid) {
  try {
    process.kill(-pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

/**
 * SIGTERM to the process group, SIGKILL after `timeoutMs` (calling
 * `onForceKill` first); resolves once it is gone.
 */
async function stopGroup(pid, timeoutMs = STOP_TIMEOUT_MS, { onForceKill } = {}) {
  if (!pid || !groupAlive(pid)) {
    liveGroups.delete(pid)
    return
  }
  try {
    process.kill(-pid, "SIGTERM")
  } catch {}
  const deadline = Date.now() + timeoutMs
  while (groupAlive(pid) && Date.now() < deadline) {
    await sleep(100)
  }
  if (groupAlive(pid)) {
    onForceKill?.()
    try {
      process.kill(-pid, "SIGKILL")
    } catch {}
    while (groupAlive(pid)) {
      await sleep(50)
    }
  }
  liveGroups.delete(pid)
}

/**
 * Output as lines: each complete line goes, colours removed, to the tail (the
 * last `tailLines`) and the log file, and as printed to `onLine`; `stdout`
 * keeps the raw standard output when asked for (JSON printed by a tool).
 */
function outputSink({ logFile, tailLines = TAIL_LINES, onLine, keepStdout = false }) {
  const tail = []
  let stdout = ""
  let stream = null
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true })
    stream = fs.createWriteStream(logFile, { flags: "w" })
  }
  const partial = { stdout: "", stderr: "" }
  const push = (raw) => {
    const line = stripVTControlCharacters(raw)
    tail.push(line)
    if (tail.length > tailLines) tail.shift()
    stream?.write(`${line}\n`)
    onLine?.(raw)
  }
  return {
    tail,
    get stdout() {
      return stdout
    },
    write(from, chunk) {
      const text = chunk.toString("utf8")
      if (from === "stdout" && keepStdout) stdout += text
      const lines = (partial[from] + text).split(/\r?\n/)
      partial[from] = lines.pop()
      lines.forEach(push)
    },
    close() {
      for (const from of ["stdout", "stderr"]) {
        if (partial[from]) push(partial[from])
        partial[from] = ""
      }
      stream?.end()
    },
  }
}

/**
 * Spawns `command args` in its own process group with its output piped into
 * a sink (see outputSink for `logFile`, `tailLines`, `onLine`, `keepStdout`).
 * Returns the child, with `child.output` (the sink: `tail`, `stdout`).
 */
function startGroup(command, args, { cwd, env, ...sinkOptions } = {}) {
  const sink = outputSink(sinkOptions)
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  if (child.pid) liveGroups.add(child.pid)
  child.output = sink
  child.stdout.on("data", (c) => sink.write("stdout", c))
  child.stderr.on("data", (c) => sink.write("stderr", c))
  child.on("exit", () => {
    sink.close()
    if (!groupAlive(child.pid)) liveGroups.delete(child.pid)
  })
  return child
}

/**
 * Runs `command args` (own process group) to its end. Resolves with the
 * output's tail (lines), or `stdout` with `keepStdout`. Rejects, with the
 * last 40 lines in the message, the tail in `error.output` and the exit code
 * in `error.exitCode` (null after a signal or the timeout), on a non-zero
 * exit or after `timeoutMs` (the group is then killed). `label` names it in
 * the messages; `onStart(child)` sees the child once spawned.
 */
function run(command, args, { label = `${command} ${args.join(" ")}`, timeoutMs, onStart, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = startGroup(command, args, options)
    onStart?.(child)
    const fail = (why, exitCode = null) => {
      const error = new Error(`${label} ${why}\n${child.output.tail.slice(-40).join("\n")}`)
      error.output = child.output.tail
      error.exitCode = exitCode
      reject(error)
    }
    const timer = timeoutMs
      ? setTimeout(() => {
          stopGroup(child.pid, 2000)
          fail(`did not finish within ${timeoutMs / 1000} s`)
        }, timeoutMs)
      : null
    child.on("error", (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      if (code === 0) {
        resolve(options.keepStdout ? child.output.stdout : child.output.tail)
      } else {
        fail(`failed (${signal ?? `exit code ${code}`})`, code)
      }
    })
  })
}

/** Runs a command on this terminal (stdio inherited, this process group); resolves its exit code (1 on a signal). */
function runForeground(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" })
    child.on("error", reject)
    child.on("exit", (code) => resolve(code ?? 1))
  })
}

/**
 * Calls `onGone` (default: exit 1 with a line on stderr) once process `pid`
 * is gone, checking every second. Watching this process's own parent also
 * notices being handed to another parent (`kill <npm pid>` ends npm without
 * passing the signal on). The timer doesn't keep this process alive.
 */
function watchParent(pid = process.ppid, onGone) {
  const ownParent = pid === process.ppid
  const gone = () => {
    if (ownParent && process.ppid !== pid) return true
    try {
      process.kill(pid, 0)
      return false
    } catch (error) {
      return error.code === "ESRCH"
    }
  }
  const timer = setInterval(() => {
    if (!gone()) return
    clearInterval(timer)
    if (onGone) {
      onGone()
    } else {
      process.stderr.write(`[exit-with-parent] process ${pid} is gone; exiting.\n`)
      process.exit(1)
    }
  }, 1000)
  timer.unref()
  return timer
}

module.exports = { startGroup, run, runForeground, stopGroup, groupAlive, watchParent }
