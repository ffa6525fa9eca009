/** Retries an assertion until it passes (work done by subscribers after the response, or a page still updating), up to `ms`. */
export async function eventually<T>(assertion: () => Promise<T>, ms = 10_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      return await assertion()
    } catch (e) {
      if (Date.now() > deadline) {
        throw e
      }
      await new Promise((r) => setTimeout(r, intervalMs))
    }
  }
}
