/**
 * A data source service for tests whose data sources answer instant queries from a function of
 * the query text, as Grafana's Prometheus data source does: one frame per series, the value
 * field labelled. The requests it received are kept for assertions.
 */
import { DataFrame, DataQueryRequest, DataSourceApi, FieldType, createDataFrame } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';
import { Sample } from '../prometheus/instantQuery';

export type Answer = Sample[] | { error: string };

export interface FakeDataSources {
  requests: Array<{ uid: string; request: DataQueryRequest }>;
}

function frames(refId: string, samples: Sample[]): DataFrame[] {
  return samples.map((sample) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [0] },
        { name: 'Value', type: FieldType.number, values: [sample.value], labels: sample.labels },
      ],
    })
  );
}

/** Installs data sources (by uid) that answer each query with `answer(expr, uid)`. */
export function installFakeDataSources(answer: (expr: string, uid: string) => Answer): FakeDataSources {
  const fake: FakeDataSources = { requests: [] };
  const get = async (ref: { uid: string } | string) => {
    const uid = typeof ref === 'string' ? ref : ref.uid;
    return {
      uid,
      query: async (request: DataQueryRequest<{ refId: string; expr: string }>) => {
        fake.requests.push({ uid, request });
        const data: DataFrame[] = [];
        const errors: Array<{ refId: string; message: string }> = [];
        for (const target of request.targets) {
          const result = answer(target.expr, uid);
          if ('error' in result) {
            errors.push({ refId: target.refId, message: result.error });
          } else {
            data.push(...frames(target.refId, result));
          }
        }
        return { data, errors };
      },
    } as unknown as DataSourceApi;
  };
  const getInstanceSettings = (ref: { uid: string; type?: string } | string | null | undefined) => {
    const uid = typeof ref === 'string' ? ref : ref?.uid;
    return uid
      ? { uid, name: uid, type: typeof ref === 'object' && ref?.type ? ref.type : 'prometheus', meta: {} }
      : undefined;
  };
  setDataSourceSrv({ get, getInstanceSettings, getList: () => [] } as unknown as DataSourceSrv);
  return fake;
}
