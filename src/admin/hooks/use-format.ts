import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { formattersFor, storedDashboardLanguage, toIntlLocale, type Formatters } from "../lib/intl"

/**
 * The locale of the dashboard's chosen language. The dashboard's i18next
 * instance is shared with plugins (react-i18next is external to a plugin's
 * admin bundle), so a language change re-renders with the new locale.
 */
export function useDashboardLocale(): string {
  const { i18n } = useTranslation()
  return toIntlLocale(i18n?.resolvedLanguage || i18n?.language || storedDashboardLanguage())
}

/** Money, dates and currency names in the dashboard's language. */
export function useFormat(): Formatters {
  const locale = useDashboardLocale()
  return useMemo(() => formattersFor(locale), [locale])
}
