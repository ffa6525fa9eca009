import type { Logger, NotificationTypes } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer, { type Transporter } from "nodemailer"
import { toSmtpMessage } from "./message"
import { normalizeSmtpOptions, SMTP_PROVIDER_IDENTIFIER, type NormalizedSmtpOptions, type SmtpProviderOptions } from "./options"

type InjectedDependencies = { logger?: Logger }

/**
 * Sends Medusa notifications as e-mail over SMTP with nodemailer. A send that
 * the server refuses (or can't be delivered to it) throws, so Medusa marks the
 * notification failed and `createNotifications` rejects: the caller retries.
 */
export default class SmtpNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = SMTP_PROVIDER_IDENTIFIER

  protected readonly options_: NormalizedSmtpOptions
  protected readonly logger_?: Logger
  protected readonly transport_: Transporter

  /** Called by Medusa when it loads the provider: bad options stop the app with a message naming the option. */
  static validateOptions(options: Record<string, unknown>): void {
    normalizeSmtpOptions(options)
  }

  constructor({ logger }: InjectedDependencies, options: SmtpProviderOptions) {
    super()
    this.options_ = normalizeSmtpOptions(options)
    this.logger_ = logger
    const o = this.options_
    this.transport_ = nodemailer.createTransport({
      host: o.host,
      port: o.port,
      secure: o.secure,
      ...(o.auth ? { auth: o.auth } : {}),
      connectionTimeout: o.timeout_ms,
      greetingTimeout: o.timeout_ms,
      socketTimeout: o.timeout_ms,
      ...(o.pool ? { pool: true } : {}),
    })
  }

  async send(
    notification: NotificationTypes.ProviderSendNotificationDTO
  ): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const message = toSmtpMessage(notification, this.options_)
    let info: { messageId?: string; rejected?: unknown[] }
    try {
      info = await this.transport_.sendMail(message)
    } catch (e) {
      const error = e as Error & { responseCode?: number; response?: string; code?: string }
      const why = error.response ?? error.message
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `E-mail "${message.subject}" to ${message.to} was not sent: ${why}${error.responseCode ? ` (SMTP ${error.responseCode})` : ""}. The SMTP server at ${this.options_.host}:${this.options_.port} refused it or could not be reached.`
      )
    }
    if (info.rejected?.length) {
      this.logger_?.warn(
        `Trade credit SMTP provider: "${message.subject}" was not accepted for ${info.rejected.map(String).join(", ")}; sent to the other recipients.`
      )
    }
    return { id: info.messageId }
  }
}
