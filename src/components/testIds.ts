/** Test ids shared by component tests and browser tests. */
export const testIds = {
  appConfig: {
    container: 'data-testid ac-container',
    readOnlyNotice: 'data-testid ac-read-only-notice',
    loadError: 'data-testid ac-load-error',
    prometheus: 'data-testid ac-prometheus',
    loki: 'data-testid ac-loki',
    billing: 'data-testid ac-billing',
    billingQuery: 'data-testid ac-billing-query',
    billingQueryReset: 'data-testid ac-billing-query-reset',
    defaultWindow: 'data-testid ac-default-window',
    defaultAlertPreset: 'data-testid ac-default-alert-preset',
    saveSettings: 'data-testid ac-save-settings',
    saveOutcome: 'data-testid ac-save-outcome',
    reload: 'data-testid ac-reload',
    exportYaml: 'data-testid ac-export-yaml',
    exportDownload: 'data-testid ac-export-download',
    importText: 'data-testid ac-import-text',
    importFile: 'data-testid ac-import-file',
    importCheck: 'data-testid ac-import-check',
    importProblems: 'data-testid ac-import-problems',
    importPreview: 'data-testid ac-import-preview',
    importConfirm: 'data-testid ac-import-confirm',
  },
  placeholder: {
    container: 'data-testid page-placeholder',
  },
};
