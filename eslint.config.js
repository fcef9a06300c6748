import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import facturo from './eslint-rules/boundaries.mjs'

// Globals that exist only in a browser or only in Node: shared code must not reach for them.
const ONE_SIDED_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global'
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { facturo },
    rules: {
      'facturo/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: [
      'src/main/**',
      'src/preload/**',
      'scripts/**',
      'tests/**',
      'eslint-rules/**',
      '*.config.{js,ts,mjs}',
      '.ci/**'
    ],
    languageOptions: { globals: globals.node }
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-globals': ['error', ...ONE_SIDED_GLOBALS] }
  },
  {
    files: ['src/shared/**/*.test.ts', 'src/shared/test-fixtures.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-globals': 'off' }
  },
  {
    // Migrations are written against Kysely<any>: the app's table types change after them.
    files: ['src/main/store/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  }
)
