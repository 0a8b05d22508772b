import { render } from 'preact';
import { HubApp } from './hub/HubApp';
import { NodeApp } from './node/NodeApp';
import './styles.css';

interface HubInfo {
  service: string;
  nodeUrl?: string;
}

/**
 * One bundle for both services: the Hub answers GET /v1/hub without a token and gets its catalog
 * page; the Node, which wants a token for everything under /v1, gets its MCP page.
 */
async function start() {
  const root = document.getElementById('app')!;
  let hub: HubInfo | undefined;
  try {
    const response = await fetch('/v1/hub', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    hub = response.ok ? ((await response.json()) as HubInfo) : undefined;
  } catch {
    hub = undefined;
  }
  document.title = hub ? 'Harbor Hub · MCP catalog' : 'Harbor Node · MCP';
  render(hub ? <HubApp nodeUrl={hub.nodeUrl} /> : <NodeApp />, root);
}

start();
