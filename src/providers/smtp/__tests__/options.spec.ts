import { normalizeSmtpOptions } from "../options"

const base = { channels: ["email"], host: "smtp.example.com", from: "Accounts <accounts@example.com>" }

describe("normalizeSmtpOptions", () => {
  it("fills in port 587 without TLS, no login, 30 s timeouts and no pool", () => {
    expect(normalizeSmtpOptions(base)).toEqual({
      channels: ["email"],
      host: "smtp.example.com",
      port: 587,
      secure: false,
      auth: null,
      from: "Accounts <accounts@example.com>",
      reply_to: null,
      timeout_ms: 30000,
      pool: false,
    })
  })

  it("defaults to port 465 when secure, and to secure on port 465", () => {
    expect(normalizeSmtpOptions({ ...base, secure: true }).port).toBe(465)
    expect(normalizeSmtpOptions({ ...base, port: 465 }).secure).toBe(true)
    expect(normalizeSmtpOptions({ ...base, port: "2525" })).toMatchObject({ port: 2525, secure: false })
  })

  it("keeps the login and a channel of the store's choosing", () => {
    expect(
      normalizeSmtpOptions({ ...base, channels: ["trade-credit-email"], auth: { user: "u", pass: "p" } })
    ).toMatchObject({ channels: ["trade-credit-email"], auth: { user: "u", pass: "p" } })
  })

  it.each([
    [{ ...base, host: undefined }, /option "host" \(the SMTP server\) is missing/],
    [{ ...base, host: "  " }, /option "host"/],
    [{ ...base, from: undefined }, /option "from" \(the sender address\) is missing/],
    [{ ...base, channels: undefined }, /option "channels" must list the channels/],
    [{ ...base, channels: [] }, /option "channels"/],
    [{ ...base, port: 70000 }, /option "port" must be a port number/],
    [{ ...base, port: "smtp" }, /option "port"/],
    [{ ...base, secure: "yes" }, /option "secure" must be true or false/],
    [{ ...base, auth: { user: "u" } }, /option "auth" must be \{ user, pass \}/],
    [{ ...base, timeout_ms: 0 }, /option "timeout_ms"/],
    [{ ...base, pool: 1 }, /option "pool"/],
    [null, /option "channels"/],
  ])("refuses %j with a message naming the option and showing the setup", (options, message) => {
    expect(() => normalizeSmtpOptions(options)).toThrow(message)
    expect(() => normalizeSmtpOptions(options)).toThrow(/medusa-plugin-trade-credit\/providers\/smtp/)
  })
})
