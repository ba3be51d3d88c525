// Lint for bugs, not taste: promises must be awaited, switches exhaustive, === only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The console's one data layer, said as syntax: no API call in a component, no query key spelled out where it is used. */
const DATA_LAYER_RULES = [
  {
    selector: "CallExpression[callee.object.name='api'][callee.property.name=/^(GET|POST|PATCH|PUT|DELETE)$/]",
    message: "Call the API from the area's queries.ts (query options, or a function that writes), not from a component or helper.",
  },
  {
    selector: "Property[key.name='queryKey'][value.type='ArrayExpression']",
    message: "Take the query key from the area's key factory in queries.ts (e.g. insightKeys.goals), not a literal array.",
  },
  {
    selector: "CallExpression[callee.property.name=/^(get|set)Quer(y|ies)Data$/][arguments.0.type='ArrayExpression']",
    message: "Take the query key from the area's key factory in queries.ts, not a literal array.",
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.mjs', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // the one plain CommonJS file (the .ts loader): no TypeScript project to type-check it against
    files: ['**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: 'commonjs' },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // the web console: browser code, React components
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // the router's redirects are thrown, as its API asks
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'package', package: '@tanstack/router-core', name: 'Redirect' }] }],
    },
  },
  {
    // one typed data layer: components read and write through their area's queries.ts, and every query key comes from a key factory
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/**/queries.ts', 'web/src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...DATA_LAYER_RULES],
    },
  },
);
