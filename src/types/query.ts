/**
 * What the plugin reads of Medusa's records through Query (`query.graph`,
 * `useQueryGraphStep`): only the fields it selects, typed so that both a clean
 * checkout (where Query answers `any`) and a project where Medusa generated its
 * query types into `.medusa/types` (`medusa develop` / `build` do) assign a
 * result to these shapes without a cast. Medusa's generated types say
 * `Maybe<T>` for a nullable value and list relations as arrays of `Maybe`, so
 * the shapes accept null wherever Medusa may answer it.
 */

/** A value Query may answer as null (Medusa's generated types say `Maybe<T>`). */
export type Maybe<T> = T | null

/** A list relation as Query answers it: possibly null, with possibly null items. */
export type QueryList<T> = Maybe<Maybe<T>[]>

/** Medusa's exact stored decimal of an amount (`raw_amount`): `{ value: "12.50", precision }`. */
export type RawAmount = Maybe<Record<string, unknown>>

export type QueryPaymentSession = {
  id: string
  provider_id: string
}

export type QueryPayment = {
  id: string
  provider_id: string
  amount?: number
  raw_amount?: RawAmount
  data?: Maybe<Record<string, unknown>>
  captured_at?: Maybe<string | Date>
  canceled_at?: Maybe<string | Date>
  payment_collection?: Maybe<{ order?: Maybe<{ id: string }> }>
}

export type QueryPaymentCollection = {
  id: string
  currency_code?: string
  amount?: number
  metadata?: Maybe<Record<string, unknown>>
  payment_sessions?: QueryList<QueryPaymentSession>
  payments?: QueryList<QueryPayment>
}

export type QueryOrderPayments = {
  id: string
  /** A number in the database; Medusa's generated query types call it a string. */
  display_id?: Maybe<number | string>
  payment_collections?: QueryList<QueryPaymentCollection>
}

/** The items of a Query list relation, without the nulls. */
export function present<T>(list: QueryList<T> | undefined): T[] {
  return (list ?? []).filter((item): item is T => item !== null && item !== undefined)
}

/** An order's display number as a number (null when unknown). */
export function orderDisplayId(value: Maybe<number | string> | undefined): number | null {
  if (value === null || value === undefined || value === "") {
    return null
  }
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : null
}

/** The exact decimal text of an amount Medusa stored, or its JS number when the raw value is missing. */
export function exactAmount(payment: Pick<QueryPayment, "amount" | "raw_amount">): string | number | undefined {
  const raw = payment.raw_amount?.value
  return typeof raw === "string" ? raw : payment.amount
}
