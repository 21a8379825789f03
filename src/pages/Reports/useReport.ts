import { useCallback, useEffect, useState } from 'react';
import { fetchReport, FetchReportOptions, ReportResult } from '../../api/reports/fetchReport';
import { RegistryDocument } from '../../domain/model';
import { signOffReport } from '../../storage/reports/reportStore';

export type ReportState = { loading: true } | ({ loading: false } & ReportResult);

/**
 * The report of `options.period`, read again when the period or the registry changes; `signOff`
 * records an owner's sign-off of the kept report and shows the kept copy as written, or says why it
 * could not be.
 */
export function useReport(doc: RegistryDocument, options: FetchReportOptions) {
  const { period, now, api, canWrite, login, run } = options;
  const [read, setRead] = useState<{ doc: RegistryDocument; period: string; result: ReportResult }>();
  const [signing, setSigning] = useState(false);
  const [signFailure, setSignFailure] = useState<{ period: string; message: string }>();

  useEffect(() => {
    let current = true;
    fetchReport(doc, { period, now, api, canWrite, login, run }).then((result) => {
      if (current) {
        setRead({ doc, period, result });
      }
    });
    return () => {
      current = false;
    };
  }, [doc, period, now, api, canWrite, login, run]);

  const signOff = useCallback(
    async (ownerId: string) => {
      setSigning(true);
      const signed = await signOffReport(api, period, ownerId, { by: login, at: new Date().toISOString() });
      setSigning(false);
      if (!signed.ok || !signed.stored) {
        setSignFailure({ period, message: signed.ok ? `the report of ${period} is not kept` : signed.message });
        return;
      }
      const frozen = signed.stored.frozen;
      setSignFailure(undefined);
      setRead({ doc, period, result: { ok: true, report: frozen.report, frozen } });
    },
    [api, doc, period, login]
  );

  const state: ReportState =
    read && read.doc === doc && read.period === period ? { loading: false, ...read.result } : { loading: true };
  return {
    state,
    signOff,
    signing,
    signFailure: signFailure?.period === period ? signFailure.message : undefined,
  };
}
