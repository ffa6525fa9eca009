/** Types of mail-catcher.js (plain Node: the demo requires it as it is; the specs import it with these types). */

export interface CaughtAttachment {
  filename?: string
  contentType: string
  content: Buffer
  contentDisposition?: string
  cid?: string
}

export interface CaughtMessage {
  /** The SMTP envelope: who the server was asked to deliver to (bcc included). */
  envelope: { from: string | null; to: string[] }
  from: string | null
  to: string | null
  cc: string | null
  replyTo: string | null
  subject: string
  html: string | null
  text: string | null
  attachments: CaughtAttachment[]
  raw: Buffer
  /** Where it was written, when the catcher has a `dir`. */
  files: { eml: string; html: string } | null
}

export interface MailCatcher {
  port: number
  host: string
  dir: string | null
  messages: CaughtMessage[]
  /** Refuse every following message at RCPT TO or after DATA (SMTP `code`, default 550); null accepts again. */
  refuse: { stage: "rcpt" | "data"; code?: number; message?: string } | null
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMessage[]>
  stop(): Promise<void>
}

export function startMailCatcher(opts?: {
  port?: number
  host?: string
  dir?: string
  onMessage?: (message: CaughtMessage) => void
}): Promise<MailCatcher>
