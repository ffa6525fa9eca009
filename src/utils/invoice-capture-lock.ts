import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * One capture decision per on-account payment at a time (the invoices-paid
 * subscriber, the order's confirmation and the job's sweep), through Medusa's
 * locking module (shared by all processes with the Redis provider): under it
 * the captures are read again, so two payments recorded at once never
 * capture the same allocation twice.
 */
export function invoiceCaptureLockKey(paymentSessionId: string): string {
  return `trade-credit-invoice-capture:${paymentSessionId}`
}

export async function withInvoiceCaptureLock<T>(container: MedusaContainer, paymentSessionId: string, job: () => Promise<T>): Promise<T> {
  const locking = container.resolve<ILockingModule>(Modules.LOCKING)
  return await locking.execute(invoiceCaptureLockKey(paymentSessionId), job, { timeout: 30 })
}
