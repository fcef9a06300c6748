import type Sqlite from 'better-sqlite3'
import type { Compilable, InferResult, Kysely } from 'kysely'
import type { Database } from './schema'

/**
 * Kysely builds the queries (typed against the schema); better-sqlite3 runs them synchronously,
 * each SQL text prepared once. Synchronous code can use SQLite transactions directly: a
 * transaction either commits whole or leaves the file as it was.
 */
export class Books {
  private readonly statements = new Map<string, Sqlite.Statement>()
  /** Things that never change once written (plan versions), read once per open file. */
  readonly immutable = new Map<string, unknown>()

  constructor(
    readonly sqlite: Sqlite.Database,
    readonly q: Kysely<Database>,
    readonly now: () => Date = () => new Date()
  ) {}

  prepare(sql: string): Sqlite.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.sqlite.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  all<Q extends Compilable<unknown>>(query: Q): InferResult<Q> {
    const { sql, parameters } = query.compile()
    return this.prepare(sql).all(...(parameters as unknown[])) as InferResult<Q>
  }

  first<Q extends Compilable<unknown>>(query: Q): InferResult<Q>[number] | undefined {
    const { sql, parameters } = query.compile()
    return this.prepare(sql).get(...(parameters as unknown[])) as InferResult<Q>[number] | undefined
  }

  run(query: Compilable<unknown>): Sqlite.RunResult {
    const { sql, parameters } = query.compile()
    return this.prepare(sql).run(...(parameters as unknown[]))
  }

  /** Inserts a row and returns its id. */
  insert(query: Compilable<unknown>): number {
    return Number(this.run(query).lastInsertRowid)
  }

  /**
   * Runs fn in one transaction. Inside another transaction it simply joins it (no savepoint): a
   * failure anywhere rolls back the whole outer unit, which is what every caller here wants.
   * It begins IMMEDIATE: the write lock is taken first, waiting up to busy_timeout for another
   * writer. A deferred transaction that read first and then wanted to write would instead fail
   * at once with "database is locked", since SQLite cannot wait without breaking its snapshot.
   */
  tx<T>(fn: () => T): T {
    return this.sqlite.inTransaction ? fn() : this.sqlite.transaction(fn).immediate()
  }

  /** Today as a calendar date (the company's local date). */
  today(): string {
    const d = this.now()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  }

  stamp(): string {
    return this.now().toISOString()
  }
}
