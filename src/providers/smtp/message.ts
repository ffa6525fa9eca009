import type { NotificationTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { NormalizedSmtpOptions } from "./options"

/**
 * What the provider hands nodemailer: plain data, so the mapping from a
 * Medusa notification is unit-tested without a transport.
 */
export type SmtpMessage = {
  from: string
  to: string
  cc?: string
  bcc?: string
  replyTo?: string
  subject: string
  html?: string
  text?: string
  attachments: SmtpAttachment[]
}

export type SmtpAttachment = {
  filename: string
  content: Buffer
  contentType?: string
  contentDisposition?: "attachment" | "inline"
  cid?: string
}

/**
 * An attachment as Medusa passes it (`content` base64, `filename`,
 * `content_type`, `disposition`, `id`), plus one field of ours: `encoding:
 * "utf8"` when `content` is the plain text of the file rather than base64.
 */
export type NotificationAttachmentInput = NotificationTypes.Attachment & { encoding?: "base64" | "utf8" | "utf-8" }

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/

const invalid = (message: string): never => {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Trade credit SMTP provider: ${message}`)
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value.length > 0 ? value : undefined)

/** A comma-separated list or an array of addresses, as one header value. */
function addressList(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === "") {
    return undefined
  }
  const list = Array.isArray(value) ? value : [value]
  if (!list.every((a) => typeof a === "string" && a.trim())) {
    invalid(`${field} must be an e-mail address or a list of them, got ${JSON.stringify(value)}.`)
  }
  return (list as string[]).map((a) => a.trim()).join(", ")
}

function attachment(input: NotificationAttachmentInput, index: number): SmtpAttachment {
  const name = text(input?.filename)
  if (!name) {
    invalid(`attachment ${index + 1} has no filename.`)
  }
  if (typeof input.content !== "string") {
    invalid(`attachment "${name}" has no content (a base64 string, or text with encoding "utf8").`)
  }
  const encoding = input.encoding ?? "base64"
  let content: Buffer
  if (encoding === "base64") {
    if (!BASE64.test(input.content)) {
      invalid(`attachment "${name}": content is not base64. Encode the file as base64, or pass its text with encoding: "utf8".`)
    }
    content = Buffer.from(input.content, "base64")
  } else if (encoding === "utf8" || encoding === "utf-8") {
    content = Buffer.from(input.content, "utf8")
  } else {
    return invalid(`attachment "${name}": encoding must be "base64" or "utf8", got ${JSON.stringify(encoding)}.`)
  }
  const inline = input.disposition === "inline"
  return {
    filename: name!,
    content,
    ...(text(input.content_type) ? { contentType: input.content_type } : {}),
    contentDisposition: inline ? "inline" : "attachment",
    ...(text(input.id) ? { cid: input.id } : {}),
  }
}

/**
 * The e-mail for a Medusa notification: recipients from `to` (and
 * `provider_data.cc` / `bcc` / `reply_to`), sender from `from` or the
 * provider's option, subject/html/text from `content` (Medusa's field for
 * ready-made content), else from `data.subject` / `data.html` / `data.text`,
 * attachments from `attachments`. This provider renders no templates: a
 * notification with neither a subject nor a body is refused with a message
 * saying so, never sent empty.
 */
export function toSmtpMessage(
  notification: NotificationTypes.ProviderSendNotificationDTO,
  options: Pick<NormalizedSmtpOptions, "from" | "reply_to">
): SmtpMessage {
  const to = addressList(notification.to, "to")
  if (!to) {
    invalid("the notification has no recipient (to).")
  }
  const content = notification.content ?? {}
  const data = (notification.data ?? {}) as Record<string, unknown>
  const subject = text(content.subject) ?? text(data.subject)
  const html = text(content.html) ?? text(data.html)
  const plain = text(content.text) ?? text(data.text)
  if (!subject || (!html && !plain)) {
    invalid(
      `notification "${notification.template ?? ""}" to ${to} has no ${!subject ? "subject" : "body"}. This provider sends ready-made e-mails: pass content: { subject, html and/or text } (or the same fields in data); it has no template engine for "template".`
    )
  }
  const providerData = (notification.provider_data ?? {}) as Record<string, unknown>
  const attachments = Array.isArray(notification.attachments)
    ? (notification.attachments as NotificationAttachmentInput[]).map(attachment)
    : []
  const replyTo = addressList(providerData.reply_to, "provider_data.reply_to") ?? options.reply_to ?? undefined
  const cc = addressList(providerData.cc, "provider_data.cc")
  const bcc = addressList(providerData.bcc, "provider_data.bcc")
  return {
    from: text(notification.from?.trim()) ?? options.from,
    to: to!,
    ...(cc ? { cc } : {}),
    ...(bcc ? { bcc } : {}),
    ...(replyTo ? { replyTo } : {}),
    subject: subject!,
    ...(html ? { html } : {}),
    ...(plain ? { text: plain } : {}),
    attachments,
  }
}
