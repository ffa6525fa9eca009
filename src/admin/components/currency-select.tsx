import { Select } from "@medusajs/ui"
import { useFormat } from "../hooks/use-format"

/** A currency among `options` (lower-case codes), shown as "EUR – Euro". */
export const CurrencySelect = ({
  id,
  value,
  options,
  onChange,
}: {
  id: string
  value: string
  options: string[]
  onChange: (value: string) => void
}) => {
  const fmt = useFormat()
  return (
  <Select value={value} onValueChange={onChange}>
    <Select.Trigger id={id}>
      <Select.Value placeholder="Choose a currency" />
    </Select.Trigger>
    <Select.Content>
      {options.map((code) => (
        <Select.Item key={code} value={code}>
          {code.toUpperCase()} – {fmt.currencyName(code)}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
  )
}
