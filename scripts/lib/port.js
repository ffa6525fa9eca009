/**
 * The HTTP port a script serves on (the demo's Medusa): read from PORT, checked
 * free before anything starts, and when it is taken, a message that names the
 * port and how to choose another.
 */
const net = require("net")

const DEFAULT_PORT = 9000

/** PORT from the environment (default 9000); a value that is not a port number throws, naming it. */
function portFromEnv(env = process.env, fallback = DEFAULT_PORT) {
  const raw = env.PORT
  if (raw === undefined || raw.trim() === "") {
    return fallback
  }
  const port = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT=${raw} is not a port number: set PORT to a number from 1 to 65535 (default ${fallback}).`)
  }
  return port
}

/** True when something accepts connections on `host:port`. */
function accepts(port, host) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    socket.setTimeout(2000, () => {
      socket.destroy()
      resolve(false)
    })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}

/** True when this process can't listen on `port` (on all interfaces, as Medusa does). */
function cannotListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.unref()
    server.once("error", (e) => resolve(e.code === "EADDRINUSE" || e.code === "EACCES"))
    server.listen(port, () => server.close(() => resolve(false)))
  })
}

/** True when `port` is taken: a server answers on it (IPv4 or IPv6 localhost), or it can't be bound. */
async function portTaken(port) {
  for (const host of ["127.0.0.1", "::1"]) {
    if (await accepts(port, host)) {
      return true
    }
  }
  return cannotListen(port)
}

/** The first free port after `port` (up to 100 tried), or null. */
async function nextFreePort(port) {
  for (let candidate = port + 1; candidate <= Math.min(65535, port + 100); candidate++) {
    if (!(await portTaken(candidate))) {
      return candidate
    }
  }
  return null
}

/**
 * null when `port` is free, else what to tell the user: which port is taken
 * and the command that starts `command` on another one.
 */
async function portProblem(port, command = "npm run demo") {
  if (!(await portTaken(port))) {
    return null
  }
  const other = (await nextFreePort(port)) ?? port + 1
  return (
    `Port ${port} is taken: another program (another demo or Medusa?) is listening on it. ` +
    `Stop it, or choose another port with PORT, for example: PORT=${other} ${command}`
  )
}

module.exports = { DEFAULT_PORT, portFromEnv, portTaken, nextFreePort, portProblem }
