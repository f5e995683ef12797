import type {
  EvalDefinitionRecord,
  RunRecord,
  StoredAnnotation,
  StoredHumanAnnotation,
  StoredIssue,
  TaskRecord,
  TestRecord,
  TriggerRecord
} from './records.js'

/** The emulator's in-memory data. Tests are kept in creation order so a list request filters in one pass. */
export class Store {
  readonly tasks = new Map<string, TaskRecord>()
  readonly definitions = new Map<string, EvalDefinitionRecord>()
  readonly runs = new Map<string, RunRecord>()
  readonly tests = new Map<string, TestRecord>()
  readonly issues: StoredIssue[] = []
  readonly annotations: StoredAnnotation[] = []
  readonly humanAnnotations: StoredHumanAnnotation[] = []
  readonly triggers: TriggerRecord[] = []
  private ordered: TestRecord[] = []
  private sorted = true
  private seq = 0
  private changes = 0

  nextSeq(): number {
    return this.seq++
  }

  /** Changes whenever a test is added or the data is cleared. */
  get version(): number {
    return this.changes
  }

  addTest(test: TestRecord): void {
    if (this.tests.has(test.id)) throw new Error(`A test with id ${test.id} already exists`)
    const last = this.ordered[this.ordered.length - 1]
    if (last !== undefined && last.createdAt > test.createdAt) this.sorted = false
    this.tests.set(test.id, test)
    this.ordered.push(test)
    this.changes++
    test.run.tests.push(test)
  }

  /** Every test, oldest first (ties in insertion order). */
  testsByCreatedAt(): readonly TestRecord[] {
    if (!this.sorted) {
      this.ordered.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq)
      this.sorted = true
    }
    return this.ordered
  }

  clear(): void {
    this.tasks.clear()
    this.definitions.clear()
    this.runs.clear()
    this.tests.clear()
    this.issues.length = 0
    this.annotations.length = 0
    this.humanAnnotations.length = 0
    this.triggers.length = 0
    this.ordered = []
    this.sorted = true
    this.seq = 0
    this.changes++
  }
}
