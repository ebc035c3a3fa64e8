// One lint setup for the whole repository: typescript-eslint's type-checked rules, Prettier for format.
// Layering rules (DESIGN.md "Code shape") are errors, never warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'http',
  'net',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'drizzle/**', 'bench-results/**', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron only in src-main/electron' }] },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'src-shared is pure: no Node APIs' },
            {
              group: [
                'electron',
                'react',
                'zustand',
                '**/src-main/**',
                '**/src-server/**',
                '**/src-renderer/**',
              ],
              message: 'src-shared imports nothing but itself',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'the renderer has no Node APIs' },
            {
              group: ['electron', '**/src-main/**', '**/src-server/**'],
              message: 'the renderer talks only to the till API client',
            },
            {
              group: ['zustand', 'zustand/*'],
              message: 'zustand is wrapped once: import the stores from src-renderer/state/',
            },
          ],
        },
      ],
    },
  },
  {
    // The one place allowed to import zustand (DESIGN.md "Code shape": zustand wrapped once).
    files: ['src-renderer/state/store.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'the renderer has no Node APIs' },
            {
              group: ['electron', '**/src-main/**', '**/src-server/**'],
              message: 'the renderer talks only to the till API client',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron only in src-main/electron' }],
          patterns: [
            {
              group: ['**/src-server/**', '**/src-renderer/**'],
              message: 'src-main meets the cloud only through src-shared/contract',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'no electron in the cloud' }],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'src-server meets the till only through src-shared/contract',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // HTTP tests read parsed JSON bodies field by field; expect() is the check.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-server/**', '**/src-renderer/**'],
              message: 'src-main meets the cloud only through src-shared/contract',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
