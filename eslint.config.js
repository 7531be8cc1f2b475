import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

/**
 * The layers import one way: app → features → (api, components, lib) → contract.
 * Inside src, cross-layer imports go through the `@/` alias so the rule can see them;
 * a feature reaches outside itself only through `@/…`, never `../../`.
 */
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const noServer = { group: ['**/server/**', '**/server'], message: 'The app never imports the sandbox server.' };
const noSrc = { group: ['**/src/**', '@/*'], message: 'The server never imports the app.' };
const noApp = { group: ['@/app', '@/app/**'], message: 'Only app/ composes routes; lower layers never import it.' };
const noFeatures = {
  group: ['@/features', '@/features/**'],
  message: 'Features never import each other, and shared layers never import features.',
};
const noEscape = {
  regex: '^\\.\\./\\.\\./',
  message: 'Reach other layers through the @/ alias so the import boundaries can be checked.',
};

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'data', 'test-results', 'playwright-report', 'bench/results', '*.cjs', 'public'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...pluginQuery.configs['flat/recommended'][0].rules,
      ...restrict([noServer]),
    },
  },
  { files: ['src/features/**/*.{ts,tsx}'], rules: restrict([noServer, noApp, noFeatures, noEscape]) },
  {
    files: ['src/api/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: restrict([noServer, noApp, noFeatures]),
  },
  {
    files: ['src/lib/**/*.{ts,tsx}'],
    rules: restrict([
      noServer,
      noApp,
      noFeatures,
      { group: ['@/api', '@/api/**', '@/components', '@/components/**'], message: 'lib/ holds pure helpers only.' },
      { group: ['react', 'react-dom', '@mantine/*'], message: 'lib/ holds pure helpers with no React.' },
    ]),
  },
  { files: ['server/**/*.ts'], rules: restrict([noSrc]) },
  {
    files: ['contract/**/*.ts'],
    rules: restrict([noSrc, noServer]),
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
