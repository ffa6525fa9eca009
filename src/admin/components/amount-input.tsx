import { CurrencyInput } from "@medusajs/ui"
import { useFormat } from "../hooks/use-format"

/** More than any currency has (KWD 3): the form refuses extra decimals with a message. */
const MAX_TYPED_DECIMALS = 8

type AmountInputProps = {
  id: string
  currency: string
  value: string
  onChange: (value: string) => void
  allowNegative?: boolean
  placeholder?: string
  autoFocus?: boolean
  invalid?: boolean
}

/** An amount in the account's currency, with its symbol and code; keeps what was typed as text. */
export const AmountInput = ({
  id,
  currency,
  value,
  onChange,
  allowNegative = false,
  placeholder,
  autoFocus,
  invalid,
}: AmountInputProps) => {
  const fmt = useFormat()
  return (
  <CurrencyInput
    id={id}
    name={id}
    symbol={fmt.currencySymbol(currency)}
    code={currency.toUpperCase()}
    value={value}
    onValueChange={(v) => onChange(v ?? "")}
    allowNegativeValue={allowNegative}
    // Don't cut extra decimals while typing: checkAmount rejects them with a
    // message (amounts are never silently rounded or truncated).
    decimalsLimit={MAX_TYPED_DECIMALS}
    placeholder={placeholder}
    autoFocus={autoFocus}
    autoComplete="off"
    aria-invalid={invalid || undefined}
  />
  )
}
