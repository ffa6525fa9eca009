/**
 * Preloaded (`node -r`) into the Medusa processes that scripts/lib/medusa-server.js
 * starts: when the process that started them is gone (a test runner killed by
 * a timeout, a Ctrl-C'd bench), they exit too instead of holding a port and
 * database connections forever. The parent's pid comes in TRADE_CREDIT_PARENT_PID.
 */
const parentPid = Number(process.env.TRADE_CREDIT_PARENT_PID)
if (parentPid > 1) {
  const timer = setInterval(() => {
    try {
      process.kill(parentPid, 0)
    } catch (error) {
      if (error.code === "ESRCH") {
        process.stderr.write(`[exit-with-parent] process ${parentPid} is gone; exiting.\n`)
        process.exit(1)
      }
    }
  }, 1000)
  timer.unref()
}
