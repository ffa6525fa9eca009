/**
 * The browser the browser suite drives (integration-tests/browser, through
 * playwright-core), found the way a newcomer expects. In this order:
 *
 *   1. CHROMIUM_PATH, when set (a path that isn't an executable is an error, never skipped);
 *   2. the system's browser on PATH: chromium, google-chrome, google-chrome-stable, chrome,
 *      chromium-browser;
 *   3. playwright's own browser cache (what `npx playwright install chromium` downloads):
 *      $PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright ($XDG_CACHE_HOME/ms-playwright),
 *      chromium-<revision>/chrome-linux64/chrome or chrome-linux/chrome, newest revision first.
 *
 * When none exists, `ensureBrowser` (scripts/test.js: started with the run's
 * first suite, awaited before the browser suite) installs Debian's chromium
 * with apt-get if it runs as root and apt-get is there, printing a line that
 * says so; otherwise it fails with the one command to run. `findBrowser`
 * alone (the spec's launcher) never installs anything.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { run } = require("./process")

/** Browser commands looked up on PATH, in order of preference. */
const PATH_NAMES = ["chromium", "google-chrome", "google-chrome-stable", "chrome", "chromium-browser"]
/** A chromium build's executable inside playwright's chromium-<revision> folder, newest layout first. */
const PLAYWRIGHT_EXECUTABLES = [
  ["chrome-linux64", "chrome"],
  ["chrome-linux", "chrome"],
  ["chrome-linux-arm64", "chrome"],
]
const APT_COMMAND = "apt-get install -y chromium"

function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) {
      return false
    }
    fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The first executable `name` on `env.PATH`, or null. */
function which(name, env = process.env) {
  for (const dir of (env.PATH || "").split(path.delimiter)) {
    if (dir && isExecutableFile(path.join(dir, name))) {
      return path.join(dir, name)
    }
  }
  return null
}

/** The folders playwright keeps its browsers in, as playwright-core computes them. */
function playwrightCacheDirs(env = process.env, home = os.homedir()) {
  const dirs = []
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== "0") {
    dirs.push(env.PLAYWRIGHT_BROWSERS_PATH)
  }
  dirs.push(path.join(env.XDG_CACHE_HOME || path.join(home, ".cache"), "ms-playwright"))
  return dirs
}

/** The newest chromium in playwright's cache, or null. */
function playwrightChromium(env = process.env, home = os.homedir()) {
  for (const dir of playwrightCacheDirs(env, home)) {
    let builds = []
    try {
      builds = fs
        .readdirSync(dir)
        .map((name) => ({ name, revision: /^chromium-(\d+)$/.exec(name)?.[1] }))
        .filter((b) => b.revision)
        .sort((a, b) => Number(b.revision) - Number(a.revision))
    } catch {
      continue
    }
    for (const build of builds) {
      for (const parts of PLAYWRIGHT_EXECUTABLES) {
        const file = path.join(dir, build.name, ...parts)
        if (isExecutableFile(file)) {
          return file
        }
      }
    }
  }
  return null
}

/**
 * The browser to drive: `{path, source}` (source: "CHROMIUM_PATH", "PATH" or
 * "playwright cache"), or null when there is none. A CHROMIUM_PATH that is not
 * an executable file throws, naming it.
 */
function findBrowser({ env = process.env, home = os.homedir() } = {}) {
  if (env.CHROMIUM_PATH) {
    if (!isExecutableFile(env.CHROMIUM_PATH)) {
      throw new Error(
        `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file: point it at a Chromium or Chrome executable, or unset it to let the tests find one.`
      )
    }
    return { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" }
  }
  for (const name of PATH_NAMES) {
    const found = which(name, env)
    if (found) {
      return { path: found, source: "PATH" }
    }
  }
  const cached = playwrightChromium(env, home)
  return cached ? { path: cached, source: "playwright cache" } : null
}

const isRootUser = () => typeof process.getuid === "function" && process.getuid() === 0

/** The one command that gets a browser on this machine. */
function installHint({ env = process.env, root = isRootUser() } = {}) {
  if (which("apt-get", env)) {
    return root ? APT_COMMAND : `sudo ${APT_COMMAND}`
  }
  return "npx playwright-core install chromium"
}

/** What the browser suite says when there is no browser. */
function missingBrowserMessage({ env = process.env, home = os.homedir(), root = isRootUser() } = {}) {
  return (
    "No Chromium or Chrome for the browser suite: looked at CHROMIUM_PATH, " +
    `${PATH_NAMES.join("/")} on PATH and playwright's cache (${playwrightCacheDirs(env, home).join(", ")}). ` +
    `Install one with: ${installHint({ env, root })}`
  )
}

/**
 * apt-get update + install chromium, their output kept (not on this terminal: other suites may be
 * printing); resolves the exit status, printing apt-get's last lines when it fails.
 */
async function aptInstallChromium(env = process.env, log = (line) => console.log(line)) {
  const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" }
  try {
    await run("apt-get", ["update", "-qq"], { env: aptEnv })
    await run("apt-get", ["install", "-y", "-qq", "chromium"], { env: aptEnv })
    return 0
  } catch (e) {
    log(e.message)
    return e.exitCode ?? 1
  }
}

/**
 * The browser to drive, installing Debian's chromium first when there is none,
 * this process is root and apt-get exists (with a printed line saying so).
 * Otherwise rejects with the one command to run. Asynchronous, so that
 * `npm test` can start the install at once and run the other suites meanwhile.
 */
async function ensureBrowser({
  env = process.env,
  home = os.homedir(),
  root = isRootUser(),
  log = (line) => console.log(line),
  install = (installEnv) => aptInstallChromium(installEnv, log),
} = {}) {
  const found = findBrowser({ env, home })
  if (found) {
    return found
  }
  if (root && which("apt-get", env)) {
    log(
      `[browser] No Chromium or Chrome found (CHROMIUM_PATH, PATH, playwright's cache): installing Debian's chromium as root (${APT_COMMAND}).`
    )
    const status = await install(env)
    const installed = findBrowser({ env, home })
    if (status === 0 && installed) {
      log(`[browser] Installed ${installed.path}.`)
      return installed
    }
    throw new Error(
      `Installing Debian's chromium failed (apt-get exit ${status}). ${missingBrowserMessage({ env, home, root })}`
    )
  }
  throw new Error(missingBrowserMessage({ env, home, root }))
}

module.exports = { PATH_NAMES, findBrowser, ensureBrowser, aptInstallChromium, installHint, missingBrowserMessage, playwrightCacheDirs }
