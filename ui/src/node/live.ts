import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api';
import { followStream } from '../sse';
import type { ApprovalItem, CatalogStateChange, Instance, Page } from '../types';

export type Connection = 'connecting' | 'live' | 'reconnecting';

/** The Node as the page knows it: read once the event stream is open, then kept current by its events. */
export interface Live {
  connection: Connection;
  instances?: Instance[];
  approvals?: ApprovalItem[];
  error?: unknown;
  /** Catalog entries enabled or disabled since the page connected. */
  states: ReadonlyMap<string, CatalogStateChange>;
  /** Counts every event, so views that read more than the stream carries know when to read again. */
  changes: number;
}

interface Store {
  instances?: Map<string, Instance>;
  approvals?: Map<string, ApprovalItem>;
  states: Map<string, CatalogStateChange>;
}

const newest = (a: Instance, b: Instance) => b.createdAt.localeCompare(a.createdAt);

export function useLive(api: Api, token: string, signOut: () => void): Live {
  const store = useRef<Store>({ states: new Map() });
  const [connection, setConnection] = useState<Connection>('connecting');
  const [error, setError] = useState<unknown>();
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);

  useEffect(() => {
    const upsert = (instances: Map<string, Instance>, record: Instance) => {
      const known = instances.get(record.id);
      if (!known || known.updatedAt <= record.updatedAt) {
        instances.set(record.id, record);
      }
    };
    const read = async () => {
      try {
        const [page, approvals] = await Promise.all([
          api.get<Page<Instance>>('/v1/mcp/instances', { size: 200 }),
          api.get<Page<ApprovalItem>>('/v1/mcp/approvals', { size: 200 }),
        ]);
        const instances = store.current.instances ?? new Map<string, Instance>();
        (page.items ?? []).forEach((record) => upsert(instances, record));
        store.current.instances = instances;
        store.current.approvals = new Map((approvals.items ?? []).map((item) => [item.instanceId, item]));
        setError(undefined);
      } catch (failure) {
        setError(failure);
      }
      changed();
    };
    return followStream('/v1/mcp/events', token, {
      connected() {
        setConnection('live');
        read();
      },
      event(name, data) {
        const s = store.current;
        if (name === 'instance' && s.instances) {
          upsert(s.instances, data as Instance);
        } else if (name === 'approval' && s.approvals) {
          const item = data as ApprovalItem;
          item.state === 'pending' ? s.approvals.set(item.instanceId, item) : s.approvals.delete(item.instanceId);
        } else if (name === 'catalog-state') {
          const state = data as CatalogStateChange;
          s.states.set(state.catalogId, state);
        }
        changed();
      },
      lost() {
        setConnection('reconnecting');
      },
      unauthorized: signOut,
    });
  }, [api, token]);

  const { instances, approvals, states } = store.current;
  const list = instances ? [...instances.values()].sort(newest) : undefined;
  const pending = approvals
    ? [...approvals.values()].filter((item) => (instances?.get(item.instanceId)?.status ?? 'pending_approval') === 'pending_approval')
    : undefined;
  return { connection, instances: list, approvals: pending, error, states, changes };
}
