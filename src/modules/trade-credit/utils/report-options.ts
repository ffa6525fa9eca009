import { MedusaError } from "@medusajs/framework/utils"
import { MAX_REPORT_RECIPIENTS } from "../constants"

export type ReportOptions = {
  /** Who gets the weekly debtors report; empty: no weekly e-mail (the default). */
  report_recipients: string[]
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/

/**
 * Reads `report_recipients`: a list of e-mail addresses (or one
 * comma-separated string). Unset or empty turns the weekly debtors report
 * e-mail off. Throws, naming the option and the bad address, on anything else.
 */
export function normalizeReportOptions(options: { report_recipients?: unknown }): ReportOptions {
  const value = options.report_recipients ?? []
  const refuse = (detail: string) =>
    new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Trade credit: option "report_recipients" must be a list of e-mail addresses such as ["finance@shop.example"] (${detail}).`
    )
  const list = typeof value === "string" ? value.split(",") : value
  if (!Array.isArray(list)) {
    throw refuse(`got ${JSON.stringify(value)}`)
  }
  const recipients = list.map((a) => (typeof a === "string" ? a.trim() : a)).filter((a) => a !== "")
  for (const a of recipients) {
    if (typeof a !== "string" || !EMAIL.test(a)) {
      throw refuse(`${JSON.stringify(a)} is not an e-mail address`)
    }
  }
  if (recipients.length > MAX_REPORT_RECIPIENTS) {
    throw refuse(`at most ${MAX_REPORT_RECIPIENTS}, got ${recipients.length}`)
  }
  return { report_recipients: [...new Set(recipients as string[])] }
}
