import { useState } from 'preact/hooks';
import type { Api } from '../api';
import { Select, TextField } from '../catalog';
import { CURRENT, age, dateTime } from '../format';
import { STATUSES, type Instance } from '../types';
import { Empty, Loading, StatusBadge, Tag, When, go } from '../ui';
import { Approvals } from './Approvals';
import type { Live } from './live';
import { Overview } from './Overview';

/** The Node's front page: counts and activity, what waits for approval, and the instances. */
export function InstancesView({ api, live }: { api: Api; live: Live }) {
  return (
    <>
      <Overview api={api} live={live} />
      <Approvals api={api} live={live} />
      <InstancesTable live={live} />
    </>
  );
}

function matches(instance: Instance, show: string, text: string): boolean {
  if (show === 'current' ? !CURRENT.has(instance.status) : show !== 'all' && instance.status !== show) {
    return false;
  }
  const needle = text.trim().toLowerCase();
  return (
    !needle ||
    [instance.name, instance.catalogId, instance.id, instance.requestedBy.name, instance.requestedBy.kind].some((value) =>
      value.toLowerCase().includes(needle),
    )
  );
}

function InstancesTable({ live }: { live: Live }) {
  const [show, setShow] = useState('current');
  const [text, setText] = useState('');
  const all = live.instances;
  const rows = all?.filter((instance) => matches(instance, show, text)) ?? [];
  return (
    <section class="panel" aria-labelledby="instances-title">
      <div class="panel-head">
        <h2 id="instances-title">Instances</h2>
        <div class="filters inline">
          <Select
            label="Show"
            value={show}
            options={['current', 'all', ...STATUSES]}
            onChange={setShow}
          />
          <TextField label="Find" type="search" value={text} onInput={setText} placeholder="server, requester, id" />
        </div>
      </div>
      {!all && <Loading what="instances" />}
      {all && all.length === 0 && <Empty>No instances yet. Set one up from the catalog, or let an agent ask.</Empty>}
      {all && all.length > 0 && rows.length === 0 && <Empty>No instance matches.</Empty>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="instances">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Server</th>
                <th scope="col">Requested by</th>
                <th scope="col">Age</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span class="sr-only">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((instance) => (
                <tr key={instance.id} data-instance={instance.id} data-status={instance.status}>
                  <td>
                    <StatusBadge status={instance.status} />
                  </td>
                  <td>
                    <strong>{instance.name}</strong>
                    <div class="muted small">{instance.catalogId}</div>
                    {instance.errorMessage && <div class="error-text small clamp">{instance.errorMessage}</div>}
                  </td>
                  <td>
                    <Tag tone={instance.requestedBy.kind === 'operator' ? 'info' : 'plain'}>{instance.requestedBy.kind}</Tag>{' '}
                    {instance.requestedBy.name}
                  </td>
                  <td title={dateTime(instance.createdAt)}>{age(instance.createdAt)}</td>
                  <td>
                    <When at={instance.updatedAt} />
                  </td>
                  <td>
                    <button type="button" class="secondary small" onClick={() => go('instances', instance.id)}>
                      Details<span class="sr-only"> of {instance.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
