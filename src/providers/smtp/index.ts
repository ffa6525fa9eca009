import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import SmtpNotificationProviderService from "./service"

/**
 * `medusa-plugin-trade-credit/providers/smtp`: a notification module provider
 * that sends e-mail over SMTP (nodemailer). Options: see ./options.ts and the
 * README ("E-mails").
 */
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [SmtpNotificationProviderService],
})

export type { SmtpProviderOptions } from "./options"
