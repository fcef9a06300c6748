// Process boundaries, enforced by lint:
// - src/shared runs in both processes: no Node built-ins, no electron, no React/DOM, nothing outside src/shared;
// - src/renderer talks to main only through the contract: nothing from src/main or src/preload, no Node, no electron;
// - src/preload: nothing from src/main or src/renderer; src/main: nothing from src/renderer;
// - migrations never import app code;
// - the billing engine (src/main/billing) is pure: no Node built-ins, no electron, nothing of the app
//   but src/shared (so no store, no fs).
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const within = (file, dir) => {
  const rel = relative(resolve(ROOT, dir), file)
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel)
}
const isNodeBuiltin = (spec) =>
  spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])

function target(spec, filename) {
  if (spec.startsWith('.')) return resolve(dirname(filename), spec)
  if (spec.startsWith('@shared/')) return resolve(ROOT, 'src/shared', spec.slice('@shared/'.length))
  return null
}

/** The first boundary an import crosses, as a message, or null. */
export function boundaryProblem(filename, spec) {
  const file = resolve(filename)
  const to = target(spec, file)
  if (within(file, 'src/main/store/migrations') && !/\.test\.ts$/.test(file)) {
    if (to && !within(to, 'src/main/store/migrations')) return 'a migration never imports app code'
    return null
  }
  if (within(file, 'src/main/billing')) {
    if (isNodeBuiltin(spec) || spec.split('/')[0] === 'electron') {
      return 'the billing engine is pure: no Node built-ins, no electron'
    }
    if (to && !within(to, 'src/main/billing') && !within(to, 'src/shared')) {
      return 'the billing engine imports only itself and src/shared (no store, no I/O)'
    }
    return null
  }
  if (within(file, 'src/shared')) {
    if (isNodeBuiltin(spec)) return 'src/shared runs in the renderer too: no Node built-ins'
    if (['electron', 'react', 'react-dom', 'react-i18next'].includes(spec.split('/')[0])) {
      return `src/shared cannot import ${spec}: it must run in main and renderer alike`
    }
    if (to && !within(to, 'src/shared')) return 'src/shared imports only from src/shared'
    return null
  }
  if (within(file, 'src/renderer')) {
    if (isNodeBuiltin(spec) || spec === 'electron')
      return 'the renderer has no Node or electron: use the contract'
    if (to && (within(to, 'src/main') || within(to, 'src/preload'))) {
      return 'the renderer never imports from src/main or src/preload: go through the contract'
    }
    return null
  }
  if (within(file, 'src/preload') && to && (within(to, 'src/main') || within(to, 'src/renderer'))) {
    return 'the preload imports only electron and src/shared'
  }
  if (within(file, 'src/main') && to && within(to, 'src/renderer'))
    return 'main never imports renderer code'
  return null
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports inside their process boundary' },
    schema: []
  },
  create(context) {
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return
      const problem = boundaryProblem(context.filename, source.value)
      if (problem) context.report({ node, message: `${problem} (import of "${source.value}")` })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node, node.arguments[0])
      }
    }
  }
}

export default { rules: { boundaries: rule } }
