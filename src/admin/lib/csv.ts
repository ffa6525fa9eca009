/** Builds RFC 4180 CSV text and hands it to the browser as a download. */

export type CsvCell = string | number | boolean | null | undefined

function escapeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) {
    return ""
  }
  if (typeof cell === "number" || typeof cell === "boolean") {
    return String(cell)
  }
  // Text that a spreadsheet would run as a formula is prefixed with a quote.
  let text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
  if (/[",\r\n]/.test(text)) {
    text = `"${text.replace(/"/g, '""')}"`
  }
  return text
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(escapeCell).join(",")).join("\r\n") + "\r\n"
}

export function downloadCsv(filename: string, csv: string): void {
  // The BOM makes Excel read the file as UTF-8 (names with accents).
  downloadBlob(filename, new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }))
}

/** Hands a file (e.g. a CSV the server streamed) to the browser as a download. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement("a")
  a.href = url
  a.download = filename
  a.style.display = "none"
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
