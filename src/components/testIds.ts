/** Test ids shared by component tests and browser tests. */
export const testIds = {
  appConfig: {
    container: 'data-testid ac-container',
  },
  placeholder: {
    container: 'data-testid page-placeholder',
  },
};
