const net = require("net")
const { portFromEnv, portTaken, portProblem } = require("../port")

/** Listens on a free port (all interfaces, as Medusa does) and returns the server and its port. */
function occupy(host) {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy())
    server.once("error", reject)
    server.listen(0, host, () => resolve({ server, port: server.address().port }))
  })
}
const close = (server) => new Promise((resolve) => server.close(() => resolve()))

describe("portFromEnv", () => {
  it("defaults to 9000 and reads PORT", () => {
    expect(portFromEnv({})).toBe(9000)
    expect(portFromEnv({ PORT: "" })).toBe(9000)
    expect(portFromEnv({ PORT: "9123" })).toBe(9123)
  })

  it("refuses a PORT that is not a port number, naming it", () => {
    for (const bad of ["abc", "0", "65536", "90.5", "-1", "9000x"]) {
      expect(() => portFromEnv({ PORT: bad })).toThrow(`PORT=${bad} is not a port number`)
    }
  })
})

describe("the demo's port check", () => {
  it("says which port is taken and how to choose another, for a server on all interfaces", async () => {
    const { server, port } = await occupy(undefined)
    try {
      expect(await portTaken(port)).toBe(true)
      const message = await portProblem(port)
      expect(message).toContain(`Port ${port} is taken`)
      const suggested = Number(/PORT=(\d+) npm run demo/.exec(message)?.[1])
      expect(suggested).toBeGreaterThan(port)
      expect(await portTaken(suggested)).toBe(false)
    } finally {
      await close(server)
    }
  })

  it("sees a server bound to 127.0.0.1 only", async () => {
    const { server, port } = await occupy("127.0.0.1")
    try {
      expect(await portProblem(port)).toContain(`Port ${port} is taken`)
    } finally {
      await close(server)
    }
  })

  it("says nothing once the port is free again", async () => {
    const { server, port } = await occupy(undefined)
    await close(server)
    expect(await portTaken(port)).toBe(false)
    expect(await portProblem(port)).toBeNull()
  })
})
