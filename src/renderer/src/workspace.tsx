import { createContext, useContext } from 'react'
import type { OpenCompanyFile } from '@shared/files'

export interface WorkspaceState {
  file: OpenCompanyFile
  /** Asks main again which file is open (after a save renames the company, say). */
  refresh(): void
}

const WorkspaceContext = createContext<WorkspaceState | null>(null)
export const WorkspaceProvider = WorkspaceContext.Provider

export function useWorkspace(): WorkspaceState {
  const state = useContext(WorkspaceContext)
  if (!state) throw new Error('useWorkspace outside WorkspaceProvider')
  return state
}
