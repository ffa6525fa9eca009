/** Types of test-phase-timings.js (plain Node: integration-tests/setup.js requires it; the helpers import it with these types). */
export function recordPhase(phase: string, ms: number, outFile?: string): void
export function recordRunnerPhases(outFile: string): void
