import { defineConfig } from 'eslint/config';
import grafanaI18n from '@grafana/i18n/eslint-plugin';
import baseConfig from './.config/eslint.config.mjs';

const uiPackages = ['react', 'react-dom', 'react-router-dom', '@grafana/ui', '@grafana/scenes', '@grafana/runtime', '@emotion/css'];

export default defineConfig([
  {
    ignores: [
      '**/node_modules/',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      'test-results/',
      'playwright-report/',
      'tests/e2e/screenshots/',
      '.sandbox/',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    // Tooling outside src/ follows the same rules.
    files: ['sandbox/**/*.{ts,tsx}', 'tests/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', '*.ts'],
  },
  {
    // Every user-visible string goes through @grafana/i18n.
    files: ['src/{components,pages,scenes,storage}/**/*.tsx'],
    ignores: ['src/**/*.test.tsx', 'src/testing/**'],
    plugins: { '@grafana/i18n': grafanaI18n },
    rules: {
      '@grafana/i18n/no-untranslated-strings': 'error',
      '@grafana/i18n/no-translation-top-level': 'error',
    },
  },
  {
    // The domain is pure TypeScript: pages and scenes import it, never the reverse.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiPackages.map((name) => ({ name, message: 'src/domain must stay free of UI and Grafana runtime code.' })),
          patterns: [
            { group: ['@grafana/ui/*', '@grafana/scenes/*', '@grafana/runtime/*'], message: 'src/domain must stay free of UI code.' },
            {
              group: ['**/pages/**', '**/scenes/**', '**/components/**', '**/storage/**', '**/api', '**/api/**', '**/routing'],
              message: 'src/domain must not import app layers: move what it needs into the domain (e.g. domain/urls.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Pages compose scenes, never the reverse.
    files: ['src/scenes/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/pages/**', '**/pages'], message: 'src/scenes must not import pages: pages compose scenes.' }] },
      ],
    },
  },
]);
