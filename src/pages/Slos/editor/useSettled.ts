import { useEffect, useState } from 'react';

const DEBOUNCE_MS = 600;

/** The value after it stopped changing for a moment, so typing does not send a query per key. */
export function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}
