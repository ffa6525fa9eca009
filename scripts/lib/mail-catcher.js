/**
 * A real SMTP server that keeps what it receives, for the demo (`npm run
 * demo` points the plugin's SMTP provider at it) and for the e-mail tests:
 *
 *   const catcher = await startMailCatcher({ dir: ".demo-data/mail" })
 *   catcher.port · catcher.messages (parsed) · await catcher.waitFor(1) · await catcher.stop()
 *
 * Built on npm `smtp-server` (no TLS, any login accepted) and `mailparser`.
 * With `dir`, every message is also written there as `<stamp>-<subject>.eml`
 * (the raw message) and `.html` (its HTML body, or its text in <pre>).
 * `catcher.refuse = { stage: "rcpt" | "data", code, message }` makes the
 * server refuse every following message at that step, as a full mailbox or
 * a spam filter would; `catcher.refuse = null` accepts again.
 */
const fs = require("fs")
const path = require("path")
const { SMTPServer } = require("smtp-server")
const { simpleParser } = require("mailparser")

/** A file-name-safe slice of a subject. */
function slug(text) {
  return (
    String(text || "no-subject")
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/[\s_]+/g, "-")
      .slice(0, 60)
      .toLowerCase() || "no-subject"
  )
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])
}

/**
 * @param {{ port?: number, host?: string, dir?: string, onMessage?: (message: object) => void }} [opts]
 */
function startMailCatcher(opts = {}) {
  const messages = []
  const waiters = []
  let counter = 0
  const catcher = {
    port: 0,
    host: opts.host ?? "127.0.0.1",
    dir: opts.dir ?? null,
    messages,
    /** Set to { stage: "rcpt" | "data", code?, message? } to refuse what follows. */
    refuse: null,
    /** Resolves once `count` messages have arrived in all (rejects after `timeoutMs`). */
    waitFor(count, timeoutMs = 15_000) {
      if (messages.length >= count) {
        return Promise.resolve(messages.slice(0, count))
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Mail catcher: ${messages.length} of ${count} messages after ${timeoutMs} ms`)), timeoutMs)
        waiters.push({ count, resolve: (m) => (clearTimeout(timer), resolve(m)) })
      })
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }

  const refusal = (stage) => {
    const r = catcher.refuse
    if (!r || r.stage !== stage) {
      return null
    }
    const error = new Error(r.message ?? (stage === "rcpt" ? "Mailbox unavailable" : "Message refused"))
    error.responseCode = r.code ?? 550
    return error
  }

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (auth, session, callback) => callback(null, { user: auth.username }),
    onRcptTo: (address, session, callback) => callback(refusal("rcpt")),
    onData: (stream, session, callback) => {
      const chunks = []
      stream.on("data", (chunk) => chunks.push(chunk))
      stream.on("end", async () => {
        const refused = refusal("data")
        if (refused) {
          return callback(refused)
        }
        try {
          const raw = Buffer.concat(chunks)
          const parsed = await simpleParser(raw)
          const message = {
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            from: parsed.from ? parsed.from.text : null,
            to: parsed.to ? [].concat(parsed.to).map((a) => a.text).join(", ") : null,
            cc: parsed.cc ? [].concat(parsed.cc).map((a) => a.text).join(", ") : null,
            replyTo: parsed.replyTo ? parsed.replyTo.text : null,
            subject: parsed.subject ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            text: parsed.text ?? null,
            attachments: (parsed.attachments || []).map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content,
              contentDisposition: a.contentDisposition,
              cid: a.cid,
            })),
            raw,
            files: null,
          }
          if (catcher.dir) {
            fs.mkdirSync(catcher.dir, { recursive: true })
            const stamp = new Date().toISOString().replace(/[:.]/g, "-")
            const base = path.join(catcher.dir, `${stamp}-${String(++counter).padStart(3, "0")}-${slug(message.subject)}`)
            fs.writeFileSync(`${base}.eml`, raw)
            fs.writeFileSync(
              `${base}.html`,
              message.html ?? `<!doctype html><meta charset="utf-8"><pre>${escapeHtml(message.text ?? "")}</pre>`
            )
            message.files = { eml: `${base}.eml`, html: `${base}.html` }
          }
          messages.push(message)
          opts.onMessage?.(message)
          for (const waiter of waiters.splice(0)) {
            if (messages.length >= waiter.count) {
              waiter.resolve(messages.slice(0, waiter.count))
            } else {
              waiters.push(waiter)
            }
          }
          callback()
        } catch (error) {
          callback(error)
        }
      })
    },
  })

  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(opts.port ?? 0, catcher.host, () => {
      server.off("error", reject)
      server.on("error", () => {})
      catcher.port = server.server.address().port
      resolve(catcher)
    })
  })
}

module.exports = { startMailCatcher }
