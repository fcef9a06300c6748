import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '@shared/channels'

// The whole bridge: one function per channel of the contract. ipcRenderer itself never leaves here.
const bridge = Object.freeze(
  Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)])
  )
)

contextBridge.exposeInMainWorld('facturo', bridge)
