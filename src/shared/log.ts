/** What the gate says while it works; the step backs it with the runner commands, tests with an array. */
export interface GateLog {
  info(message: string): void
  debug(message: string): void
  warning(message: string, title?: string): void
  group<T>(name: string, work: () => Promise<T>): Promise<T>
}
