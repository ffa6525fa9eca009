import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { runningCatcher } from "../helpers/mail"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { dueReminderStage } from "../../src/modules/trade-credit/utils/reminder-stages"
import { renderReminderEmail } from "../../src/modules/trade-credit/utils/reminder-email"

jest.setTimeout(180_000)

/**
 * The plugin's SMTP notification provider (src/providers/smtp) inside a real
 * Medusa app, sending to a real SMTP server (npm `smtp-server`,
 * scripts/lib/mail-catcher.js): no mock transport. medusa-config.ts
 * registers the provider when TRADE_CREDIT_SMTP_HOST is set; mail-app.spec.ts,
 * which runs this file, starts the server and sets it before the app boots.
 */
const catcher = runningCatcher()

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const notifications = () => getContainer().resolve<INotificationModuleService>(Modules.NOTIFICATION)

    beforeEach(() => {
      catcher.messages.length = 0
      catcher.refuse = null
    })

    it("delivers recipients, subject, HTML, text and attachments through Medusa's notification module", async () => {
      const csv = "account;open\nAntwerp Joinery;1250.50\n"
      const sent = await notifications().createNotifications({
        to: "ap@joinery.example",
        channel: "email",
        template: "trade-credit.reminder",
        content: {
          subject: "Invoice INV-2026-000123 is 7 days overdue",
          html: "<p>Dear Antwerp Joinery,</p><p>Open: <strong>€1,250.50</strong></p>",
          text: "Dear Antwerp Joinery,\nOpen: €1,250.50",
        },
        attachments: [
          { filename: "aging.csv", content: Buffer.from(csv).toString("base64"), content_type: "text/csv" },
        ],
        provider_data: { cc: ["controller@shop.example"] },
      })

      expect(sent).toMatchObject({ provider_id: "trade-credit-smtp", status: "success" })
      const [message] = await catcher.waitFor(1)
      expect(message.envelope).toEqual({
        from: "accounts@shop.example",
        to: ["ap@joinery.example", "controller@shop.example"],
      })
      expect(message.from).toBe('"Accounts receivable" <accounts@shop.example>')
      expect(message.to).toBe("ap@joinery.example")
      expect(message.cc).toBe("controller@shop.example")
      expect(message.subject).toBe("Invoice INV-2026-000123 is 7 days overdue")
      expect(message.html).toContain("<strong>€1,250.50</strong>")
      expect(message.text?.trim()).toBe("Dear Antwerp Joinery,\nOpen: €1,250.50")
      expect(message.attachments).toHaveLength(1)
      expect(message.attachments[0]).toMatchObject({ filename: "aging.csv", contentType: "text/csv" })
      expect(message.attachments[0].content.toString("utf8")).toBe(csv)
      // Medusa keeps the SMTP message id as the notification's external id.
      const [stored] = await notifications().listNotifications({ id: sent.id })
      expect(stored.external_id).toMatch(/^<.+@.+>$/)
    })

    it("sends a reminder rendered from the module's options: stage, invoices, amounts, bank details", async () => {
      const tradeCredit = getContainer().resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
      const reminders = tradeCredit.getReminderOptions()
      expect(reminders.channel).toBe("email")
      const { stage } = dueReminderStage({
        due_at: "2026-11-20",
        now: new Date("2026-11-27T08:00:00Z"),
        sent_stages: ["upcoming", "due"],
        stages: reminders.stages,
      })
      expect(stage?.name).toBe("overdue_7")
      const email = renderReminderEmail(
        {
          stage: stage!,
          holder_name: "Antwerp Joinery",
          currency_code: "eur",
          invoices: [
            { number: "INV-2026-000101", amount_open: "1250.5", currency_code: "eur", due_at: "2026-11-20", days_overdue: 7 },
            { number: "INV-2026-000123", amount_open: "0.1", currency_code: "eur", due_at: "2026-12-20", days_overdue: -23 },
          ],
          reminder_for: ["INV-2026-000101"],
          total_open: "1250.6",
          available_credit: "3749.4",
          bank_details: reminders.bank_details,
          locale: "en",
          store_name: "Tiles & Co",
        },
        reminders.templates
      )
      await notifications().createNotifications({
        to: "ap@joinery.example",
        channel: reminders.channel,
        template: `trade-credit.reminder.${stage!.name}`,
        content: email,
      })
      const [message] = await catcher.waitFor(1)
      expect(message.envelope.to).toEqual(["ap@joinery.example"])
      expect(message.subject).toBe("Invoice INV-2026-000101 is 7 days overdue")
      for (const body of [message.text!, message.html!]) {
        expect(body).toContain("INV-2026-000101")
        expect(body).toContain("€1,250.50")
        expect(body).toContain("INV-2026-000123")
        expect(body).toContain("€0.10")
        expect(body).toContain("€1,250.60")
        expect(body).toContain("€3,749.40")
        expect(body).toContain("IBAN BE68 5390 0754 7034")
      }
      expect(message.html).toContain("Tiles &amp; Co")
    })

    it("fails the send when the server refuses a recipient, so the caller can retry; the retry is sent once", async () => {
      const notification = (attempt: number) => ({
        to: "full-mailbox@joinery.example",
        channel: "email",
        template: "trade-credit.reminder",
        idempotency_key: `reminder:inv_1:overdue_7:${attempt}`,
        content: { subject: "Reminder", text: "Please pay." },
      })
      catcher.refuse = { stage: "rcpt", code: 550, message: "Mailbox full" }
      await expect(notifications().createNotifications(notification(1))).rejects.toThrow(
        /was not sent: 550 Mailbox full \(SMTP 550\)/
      )
      expect(catcher.messages).toHaveLength(0)
      const failed = await notifications().listNotifications({ idempotency_key: notification(1).idempotency_key })
      expect(failed.map((n) => n.status)).toEqual(["failure"])

      catcher.refuse = null
      const retried = await notifications().createNotifications(notification(2))
      expect(retried.status).toBe("success")
      await catcher.waitFor(1)
      // Sent now: the same key again is not sent twice.
      await notifications().createNotifications(notification(2))
      await new Promise((r) => setTimeout(r, 300))
      expect(catcher.messages.map((m) => m.envelope.to)).toEqual([["full-mailbox@joinery.example"]])
    })

    it("Medusa 2.21.2 trap: retrying a FAILED notification with the same idempotency key sends the e-mail, then throws", async () => {
      // The retry gets a fresh notification id that Medusa never inserts, so its
      // status update fails after the provider sent. A caller that retries must
      // use a new key per attempt (as above) and keep its own once-only record.
      const notification = {
        to: "ap@joinery.example",
        channel: "email",
        template: "trade-credit.reminder",
        idempotency_key: "reminder:inv_2:due",
        content: { subject: "Due today", text: "Please pay." },
      }
      catcher.refuse = { stage: "rcpt", code: 450, message: "Try again later" }
      await expect(notifications().createNotifications(notification)).rejects.toThrow(/450 Try again later/)
      catcher.refuse = null
      await expect(notifications().createNotifications(notification)).rejects.toThrow(/Notification with id "noti_\w+" not found/)
      expect((await catcher.waitFor(1)).map((m) => m.subject)).toEqual(["Due today"])
      const stored = await notifications().listNotifications({ idempotency_key: notification.idempotency_key })
      expect(stored.map((n) => n.status)).toEqual(["failure"])
    })

    it("fails the send when the server refuses the message after DATA", async () => {
      catcher.refuse = { stage: "data", code: 554, message: "Message rejected as spam" }
      await expect(
        notifications().createNotifications({
          to: "buyer@joinery.example",
          channel: "email",
          template: "trade-credit.reminder",
          content: { subject: "Reminder", html: "<p>Please pay.</p>" },
        })
      ).rejects.toThrow(/554 Message rejected as spam/)
      expect(catcher.messages).toHaveLength(0)
    })

    it("refuses a notification it could only send empty, before talking to the server", async () => {
      await expect(
        notifications().createNotifications({
          to: "buyer@joinery.example",
          channel: "email",
          template: "order-placed",
          data: { order_id: "order_1" },
        })
      ).rejects.toThrow(/has no subject.*ready-made e-mails/)
      expect(catcher.messages).toHaveLength(0)
    })
  },
})
