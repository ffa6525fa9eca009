const fs = require("fs")
const os = require("os")
const path = require("path")
const { findBrowser, ensureBrowser, installHint, aptInstallChromium } = require("../browser")

/** A real executable file (a shell script), as a browser binary is for the discovery. */
function executable(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, "#!/bin/sh\nexit 0\n", { mode: 0o755 })
  return file
}

describe("findBrowser: order of preference", () => {
  let tmp
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tc-browser-find-"))
  })
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }))

  it("CHROMIUM_PATH, then chromium, google-chrome, chrome on PATH, then playwright's cache (newest build)", () => {
    const home = path.join(tmp, "home")
    const bin = path.join(tmp, "bin")
    const bin2 = path.join(tmp, "bin2")
    const custom = executable(path.join(tmp, "custom", "my-chrome"))
    const chromium = executable(path.join(bin, "chromium"))
    const googleChrome = executable(path.join(bin, "google-chrome"))
    const chrome = executable(path.join(bin2, "chrome"))
    const cache = path.join(home, ".cache", "ms-playwright")
    const older = executable(path.join(cache, "chromium-1200", "chrome-linux", "chrome"))
    const newer = executable(path.join(cache, "chromium-1255", "chrome-linux64", "chrome"))
    // Not browsers: a headless shell build and a non-executable file.
    executable(path.join(cache, "chromium_headless_shell-1300", "chrome-linux", "headless_shell"))
    fs.mkdirSync(path.join(cache, "chromium-1400", "chrome-linux64"), { recursive: true })
    fs.writeFileSync(path.join(cache, "chromium-1400", "chrome-linux64", "chrome"), "", { mode: 0o644 })

    const env = { CHROMIUM_PATH: custom, PATH: [bin, bin2].join(path.delimiter) }
    expect(findBrowser({ env, home })).toEqual({ path: custom, source: "CHROMIUM_PATH" })
    delete env.CHROMIUM_PATH
    expect(findBrowser({ env, home })).toEqual({ path: chromium, source: "PATH" })
    fs.rmSync(chromium)
    expect(findBrowser({ env, home })).toEqual({ path: googleChrome, source: "PATH" })
    fs.rmSync(googleChrome)
    expect(findBrowser({ env, home })).toEqual({ path: chrome, source: "PATH" })
    env.PATH = ""
    expect(findBrowser({ env, home })).toEqual({ path: newer, source: "playwright cache" })
    fs.rmSync(newer)
    expect(findBrowser({ env, home })).toEqual({ path: older, source: "playwright cache" })
    fs.rmSync(older)
    expect(findBrowser({ env, home })).toBeNull()
  })

  it("reads playwright's cache where playwright puts it: PLAYWRIGHT_BROWSERS_PATH, XDG_CACHE_HOME", () => {
    const home = path.join(tmp, "home")
    const shared = executable(path.join(tmp, "pw", "chromium-1100", "chrome-linux", "chrome"))
    const xdg = executable(path.join(tmp, "xdg", "ms-playwright", "chromium-1000", "chrome-linux", "chrome"))
    expect(findBrowser({ env: { PATH: "", PLAYWRIGHT_BROWSERS_PATH: path.join(tmp, "pw") }, home })?.path).toBe(shared)
    expect(findBrowser({ env: { PATH: "", XDG_CACHE_HOME: path.join(tmp, "xdg") }, home })?.path).toBe(xdg)
  })

  it("refuses a CHROMIUM_PATH that is not an executable, naming it, rather than looking elsewhere", () => {
    const bin = path.join(tmp, "bin")
    executable(path.join(bin, "chromium"))
    const missing = path.join(tmp, "nowhere", "chrome")
    expect(() => findBrowser({ env: { CHROMIUM_PATH: missing, PATH: bin }, home: tmp })).toThrow(
      `CHROMIUM_PATH=${missing} is not an executable file`
    )
  })
})

describe("ensureBrowser: none found", () => {
  let tmp
  let bin
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tc-browser-ensure-"))
    bin = path.join(tmp, "bin")
    fs.mkdirSync(bin)
  })
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }))

  it("as root with apt-get: installs Debian's chromium, saying so, and returns it", async () => {
    executable(path.join(bin, "apt-get"))
    const lines = []
    const installs = []
    const found = await ensureBrowser({
      env: { PATH: bin },
      home: tmp,
      root: true,
      log: (line) => lines.push(line),
      // What apt-get does: put chromium on PATH.
      install: async (env) => {
        installs.push(env.PATH)
        executable(path.join(bin, "chromium"))
        return 0
      },
    })
    expect(installs).toEqual([bin])
    expect(found).toEqual({ path: path.join(bin, "chromium"), source: "PATH" })
    expect(lines[0]).toMatch(/installing Debian's chromium as root \(apt-get install -y chromium\)/)
  })

  it("fails with the one command to run: sudo apt-get without root, playwright without apt-get", async () => {
    const never = () => {
      throw new Error("must not install")
    }
    executable(path.join(bin, "apt-get"))
    await expect(ensureBrowser({ env: { PATH: bin }, home: tmp, root: false, install: never, log: () => {} })).rejects.toThrow(
      /No Chromium or Chrome for the browser suite.*Install one with: sudo apt-get install -y chromium$/
    )
    fs.rmSync(path.join(bin, "apt-get"))
    await expect(ensureBrowser({ env: { PATH: bin }, home: tmp, root: true, install: never, log: () => {} })).rejects.toThrow(
      /Install one with: npx playwright-core install chromium$/
    )
    expect(installHint({ env: { PATH: bin }, root: false })).toBe("npx playwright-core install chromium")
  })

  it("fails, naming apt-get's exit status, when the install fails", async () => {
    executable(path.join(bin, "apt-get"))
    await expect(ensureBrowser({ env: { PATH: bin }, home: tmp, root: true, install: async () => 100, log: () => {} })).rejects.toThrow(
      /Installing Debian's chromium failed \(apt-get exit 100\)/
    )
  })

  it("never installs when a browser exists", async () => {
    executable(path.join(bin, "apt-get"))
    const chrome = executable(path.join(bin, "google-chrome"))
    const found = await ensureBrowser({ env: { PATH: bin }, home: tmp, root: true, install: () => { throw new Error("no") }, log: () => {} })
    expect(found.path).toBe(chrome)
  })

  it("runs apt-get update then install, quietly, and prints apt-get's output only when it fails", async () => {
    const calls = path.join(tmp, "calls")
    const apt = path.join(bin, "apt-get")
    fs.writeFileSync(apt, `#!/bin/sh\necho "$@" >> ${calls}\necho "E: Unable to locate package chromium" >&2\n[ "$1" = update ] && exit 0\nexit 100\n`)
    fs.chmodSync(apt, 0o755)
    const lines = []
    expect(await aptInstallChromium({ PATH: `${bin}${path.delimiter}${process.env.PATH}` }, (line) => lines.push(line))).toBe(100)
    expect(fs.readFileSync(calls, "utf8").trim().split("\n")).toEqual(["update -qq", "install -y -qq chromium"])
    expect(lines.join("\n")).toContain("E: Unable to locate package chromium")
  })
})
