import React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { testIds } from '../../../components/testIds';
import { baseRegistry, baseSlo } from '../../../domain/testing/builders';
import { DownloadAllRules } from './DownloadAllRules';

const downloadText = jest.fn();
jest.mock('../../../components/AppConfig/downloadText', () => ({
  downloadText: (...args: unknown[]) => downloadText(...args),
}));

describe('DownloadAllRules', () => {
  beforeEach(() => downloadText.mockClear());

  test("loads the generator on click and offers the registry's rule file", async () => {
    const doc = baseRegistry({ slos: [baseSlo('ratio')] });
    render(<DownloadAllRules doc={doc} />);
    fireEvent.click(screen.getByTestId(testIds.slos.downloadAll));
    await waitFor(() => expect(downloadText).toHaveBeenCalled());
    const [fileName, text] = downloadText.mock.calls[0] as [string, string];
    expect(fileName).toBe('slos.rules.yaml');
    expect(text).toContain('sloth_id: checkout-ratio');
    expect(screen.getByTestId(testIds.slos.downloadAll)).not.toBeDisabled();
  });

  test('says why when the files cannot be prepared, and can be dismissed', async () => {
    downloadText.mockImplementation(() => {
      throw new Error('the browser refused the download.');
    });
    render(<DownloadAllRules doc={baseRegistry({ slos: [baseSlo('ratio')] })} />);
    fireEvent.click(screen.getByTestId(testIds.slos.downloadAll));
    expect(await screen.findByText('The rule files could not be prepared')).toBeInTheDocument();
    expect(screen.getByText('the browser refused the download. Reload the page and try again.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /close alert/i }));
    expect(screen.queryByText('The rule files could not be prepared')).not.toBeInTheDocument();
  });
});
