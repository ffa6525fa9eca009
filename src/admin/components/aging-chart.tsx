import { Heading, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { useFormat } from "../hooks/use-format"
import { AGING_BUCKETS, AGING_BUCKET_COLORS, AGING_BUCKET_LABELS } from "../lib/receivables-labels"
import type { AgingBucket, AgingReportRow, AgingReportTotals } from "../lib/types"

/** Debtors drawn per currency: the most owed (the report comes most owed first). */
const MAX_BARS = 10
const BAR_HEIGHT = 34

type ChartRow = { name: string } & Record<AgingBucket, number>

/**
 * One currency of the debtors report: a stacked bar per debtor, by days past
 * due (current, 1-30, 31-60, 61-90, 90+), and the currency's totals per
 * bucket in the legend. Amounts are only drawn here, never added up: the
 * totals are the server's.
 */
const CurrencyAgingChart = ({ rows, totals }: { rows: AgingReportRow[]; totals: AgingReportTotals }) => {
  const fmt = useFormat()
  const c = totals.currency_code
  const data: ChartRow[] = rows.slice(0, MAX_BARS).map((r) => ({
    name: r.holder.name ?? r.email ?? r.holder.id,
    ...(Object.fromEntries(AGING_BUCKETS.map((b) => [b, Number(r.buckets[b])])) as Record<AgingBucket, number>),
  }))
  const money = (value: unknown) => fmt.money(value as number, c)
  const compact = (value: unknown) =>
    new Intl.NumberFormat(fmt.locale, { notation: "compact", maximumFractionDigits: 1 }).format(Number(value))
  return (
    <figure className="flex flex-col gap-y-2" aria-label={`Aging ${c.toUpperCase()}`} data-testid={`aging-chart-${c}`}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-4">
        <Heading level="h3">
          {c.toUpperCase()} · {fmt.money(totals.open_total, c)} open
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {totals.accounts} {totals.accounts === 1 ? "debtor" : "debtors"}, {fmt.money(totals.overdue_total, c)} overdue
          {rows.length > MAX_BARS && ` · the ${MAX_BARS} largest shown`}
        </Text>
      </figcaption>
      <div style={{ height: Math.max(data.length, 1) * BAR_HEIGHT + 72 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barCategoryGap={6}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="var(--border-base, #e4e4e7)" />
            <XAxis type="number" tickFormatter={compact} tick={{ fontSize: 12 }} stroke="var(--fg-muted, #71717a)" />
            <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} stroke="var(--fg-muted, #71717a)" interval={0} />
            <Tooltip formatter={(value, name) => [money(value), String(name)]} cursor={{ fillOpacity: 0.08 }} />
            <Legend
              wrapperStyle={{ fontSize: 12 }}
              // From current to 90+, as the bars stack (the default sorts the labels alphabetically).
              itemSorter={(item) => AGING_BUCKETS.indexOf(item.dataKey as AgingBucket)}
              formatter={(_value, entry) => {
                const bucket = entry.dataKey as AgingBucket
                return (
                  <span className="text-ui-fg-subtle">
                    {AGING_BUCKET_LABELS[bucket]}: {fmt.money(totals.buckets[bucket], c)}
                  </span>
                )
              }}
            />
            {AGING_BUCKETS.map((bucket) => (
              <Bar
                key={bucket}
                dataKey={bucket}
                name={AGING_BUCKET_LABELS[bucket]}
                stackId="aging"
                fill={AGING_BUCKET_COLORS[bucket]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}

/** The aging chart: one stacked bar chart per currency (amounts of different currencies are never on one axis). */
export const AgingChart = ({ rows, totals }: { rows: AgingReportRow[]; totals: AgingReportTotals[] }) => {
  const withOpen = totals.filter((t) => t.open_invoices > 0)
  if (withOpen.length === 0) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-6 px-6 py-4">
      {withOpen.map((t) => (
        <CurrencyAgingChart key={t.currency_code} totals={t} rows={rows.filter((r) => r.currency_code === t.currency_code)} />
      ))}
    </div>
  )
}
