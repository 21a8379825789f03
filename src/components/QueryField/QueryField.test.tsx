import React, { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { checkPromQL } from '../../domain/query/promql';
import { testIds } from '../testIds';
import { QueryField } from './QueryField';

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <QueryField label="Error ratio" value={value} onChange={setValue} check={checkPromQL} />;
}

describe('QueryField', () => {
  test('shows the parser error with its position as the user types, and marks the characters', () => {
    render(<Harness initial="" />);
    expect(screen.queryByTestId(testIds.sloEditor.queryError)).not.toBeInTheDocument();
    fireEvent.change(screen.getByTestId(testIds.sloEditor.query), { target: { value: 'sum(rate(errors_total[5m])' } });
    expect(screen.getByText('"(" is never closed: add ")" at column 4')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.sloEditor.queryError).querySelector('mark')).toHaveTextContent('(');
    fireEvent.change(screen.getByTestId(testIds.sloEditor.query), { target: { value: 'sum(rate(errors_total[5m]))' } });
    expect(screen.queryByTestId(testIds.sloEditor.queryError)).not.toBeInTheDocument();
  });

  test('the label names the query input', () => {
    render(<Harness initial="sum(rate(errors_total[5m]))" />);
    expect(screen.getByLabelText('Error ratio')).toBe(screen.getByTestId(testIds.sloEditor.query));
  });

  test('semantic errors too: rate() over an instant vector', () => {
    render(<Harness initial="rate(errors_total)" />);
    expect(
      screen.getByText('expected type matrix in call to function "rate", got vector at column 6')
    ).toBeInTheDocument();
  });
});
