import { useCallback, useEffect, useRef, useState, type ReactNode, type UIEvent } from 'react'

export interface Column<T> {
  key: string
  header: ReactNode
  cell(row: T): ReactNode
  /** A CSS grid track, e.g. "2fr" or "120px". */
  width: string
  align?: 'start' | 'end'
  /** Set on sortable columns: how the rows are sorted by this one now. */
  sort?: 'ascending' | 'descending' | 'none'
}

interface VirtualTableProps<T> {
  label: string
  columns: Column<T>[]
  rowCount: number
  /** The row at an index, or undefined while its page loads. */
  rowAt(index: number): T | undefined
  /** Called with the rows in view (plus some either side) so their pages can be loaded. */
  onRange(start: number, end: number): void
  rowKey(row: T, index: number): string | number
  rowHeight?: number
  height?: number
}

const OVERSCAN = 10

/**
 * A table that renders only the rows in view, so 100,000 customers scroll as lightly as 10.
 * ARIA's table roles with aria-rowcount/aria-rowindex tell assistive technology the real size.
 */
export function VirtualTable<T>({
  label,
  columns,
  rowCount,
  rowAt,
  onRange,
  rowKey,
  rowHeight = 40,
  height = 560
}: VirtualTableProps<T>) {
  const [scrollTop, setScrollTop] = useState(0)
  const body = useRef<HTMLDivElement>(null)
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const end = Math.min(rowCount, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN)
  useEffect(() => onRange(start, end), [start, end, onRange])
  // a new search starts at the top
  useEffect(() => {
    if (body.current && scrollTop > rowCount * rowHeight) {
      body.current.scrollTop = 0
      setScrollTop(0)
    }
  }, [rowCount, rowHeight, scrollTop])
  const onScroll = useCallback(
    (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop),
    []
  )
  const template = columns.map((c) => c.width).join(' ')
  const rows: ReactNode[] = []
  for (let i = start; i < end; i++) {
    const row = rowAt(i)
    rows.push(
      <div
        key={row ? rowKey(row, i) : `loading-${i}`}
        role="row"
        aria-rowindex={i + 2}
        className="vt-row"
        style={{ top: i * rowHeight, height: rowHeight, gridTemplateColumns: template }}
      >
        {columns.map((c) => (
          <div key={c.key} role="cell" className={c.align === 'end' ? 'vt-cell vt-end' : 'vt-cell'}>
            {row ? c.cell(row) : <span className="vt-placeholder" />}
          </div>
        ))}
      </div>
    )
  }
  return (
    <div role="table" aria-label={label} aria-rowcount={rowCount + 1} className="vt">
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className="vt-head"
          style={{ gridTemplateColumns: template }}
        >
          {columns.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={c.sort}
              className={c.align === 'end' ? 'vt-cell vt-end' : 'vt-cell'}
            >
              {c.header}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={body}
        role="rowgroup"
        className="vt-body"
        style={{ height: Math.min(height, Math.max(rowCount, 1) * rowHeight) }}
        onScroll={onScroll}
      >
        <div style={{ height: rowCount * rowHeight, position: 'relative' }}>{rows}</div>
      </div>
    </div>
  )
}
