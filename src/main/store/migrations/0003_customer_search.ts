import { sql, type Kysely } from 'kysely'

// Customer search: a trigram full-text index over customers.search_text (name, number, emails,
// tax id, folded), so "any part of" searches stay fast with 100,000 customers. The index holds
// no copy of the text (external content); triggers keep it in step with the table.
const STATEMENTS = [
  sql`CREATE VIRTUAL TABLE customer_search USING fts5(search_text, content = 'customers', content_rowid = 'id', tokenize = 'trigram')`,
  sql`INSERT INTO customer_search (customer_search) VALUES ('rebuild')`,
  sql`CREATE TRIGGER customer_search_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
  END`,
  sql`CREATE TRIGGER customer_search_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customer_search (customer_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  END`,
  sql`CREATE TRIGGER customer_search_update AFTER UPDATE OF search_text ON customers BEGIN
    INSERT INTO customer_search (customer_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
  END`
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await statement.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [
    'customer_search_insert',
    'customer_search_delete',
    'customer_search_update'
  ])
    await sql`DROP TRIGGER IF EXISTS ${sql.ref(trigger)}`.execute(db)
  await sql`DROP TABLE IF EXISTS customer_search`.execute(db)
}
