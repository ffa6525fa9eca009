import type { NotificationTypes } from "@medusajs/framework/types"
import { toSmtpMessage } from "../message"

const options = { from: "Accounts <accounts@example.com>", reply_to: null }

const notification = (over: Partial<NotificationTypes.ProviderSendNotificationDTO>): NotificationTypes.ProviderSendNotificationDTO => ({
  to: "buyer@example.com",
  channel: "email",
  template: "trade-credit.reminder",
  content: { subject: "Invoice INV-1 is due", html: "<p>Due</p>", text: "Due" },
  ...over,
})

describe("toSmtpMessage", () => {
  it("sends the notification's content from the provider's sender", () => {
    expect(toSmtpMessage(notification({}), options)).toEqual({
      from: "Accounts <accounts@example.com>",
      to: "buyer@example.com",
      subject: "Invoice INV-1 is due",
      html: "<p>Due</p>",
      text: "Due",
      attachments: [],
    })
  })

  it("takes subject and bodies from data when there is no content, and the notification's own from", () => {
    const message = toSmtpMessage(
      notification({ content: null, from: " billing@shop.test ", data: { subject: "S", text: "plain only" } }),
      options
    )
    expect(message).toMatchObject({ from: "billing@shop.test", subject: "S", text: "plain only" })
    expect(message.html).toBeUndefined()
  })

  it("adds cc, bcc and reply-to from provider_data, and the reply-to option otherwise", () => {
    expect(
      toSmtpMessage(notification({ provider_data: { cc: ["a@x.test", "b@x.test"], bcc: "c@x.test", reply_to: "r@x.test" } }), options)
    ).toMatchObject({ cc: "a@x.test, b@x.test", bcc: "c@x.test", replyTo: "r@x.test" })
    expect(toSmtpMessage(notification({}), { ...options, reply_to: "credit@x.test" }).replyTo).toBe("credit@x.test")
  })

  it("decodes base64 attachments, and takes text attachments with encoding utf8", () => {
    const message = toSmtpMessage(
      notification({
        attachments: [
          { filename: "aging.csv", content: Buffer.from("a;b\n1;2\n").toString("base64"), content_type: "text/csv" },
          { filename: "note.txt", content: "héllo", encoding: "utf8" } as NotificationTypes.Attachment,
          { filename: "logo.png", content: "iVBORw0KGgo=", disposition: "inline", id: "logo" },
        ],
      }),
      options
    )
    expect(message.attachments.map((a) => [a.filename, a.content.toString("utf8"), a.contentType, a.contentDisposition, a.cid])).toEqual([
      ["aging.csv", "a;b\n1;2\n", "text/csv", "attachment", undefined],
      ["note.txt", "héllo", undefined, "attachment", undefined],
      ["logo.png", Buffer.from("iVBORw0KGgo=", "base64").toString("utf8"), undefined, "inline", "logo"],
    ])
  })

  it("refuses what it can't send as it was meant", () => {
    expect(() => toSmtpMessage(notification({ to: "" }), options)).toThrow(/no recipient/)
    expect(() => toSmtpMessage(notification({ content: null, data: { template_vars: 1 } }), options)).toThrow(
      /has no subject.*ready-made e-mails/
    )
    expect(() => toSmtpMessage(notification({ content: { subject: "S" } }), options)).toThrow(/has no body/)
    expect(() =>
      toSmtpMessage(notification({ attachments: [{ filename: "x.txt", content: "not base64!" }] }), options)
    ).toThrow(/"x.txt": content is not base64.*encoding: "utf8"/)
    expect(() => toSmtpMessage(notification({ attachments: [{ filename: "", content: "" }] }), options)).toThrow(
      /attachment 1 has no filename/
    )
  })
})
