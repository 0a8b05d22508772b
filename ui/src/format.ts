import type { Actor, Status } from './types';

export const STATUS_LABELS: Record<Status, string> = {
  requested: 'Requested',
  pending_approval: 'Needs approval',
  installing: 'Installing',
  secret_missing: 'Secret missing',
  active: 'Active',
  degraded: 'Degraded',
  failed: 'Failed',
  removing: 'Removing',
  removed: 'Removed',
  denied: 'Denied',
};

/** Statuses of instances that hold (or may soon hold) their entry; the others are history. */
export const CURRENT: ReadonlySet<Status> = new Set([
  'requested',
  'pending_approval',
  'installing',
  'secret_missing',
  'active',
  'degraded',
  'failed',
  'removing',
]);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** "3 minutes ago", "in 23 hours". */
export function fromNow(iso: string | undefined, now = Date.now()): string {
  if (!iso) {
    return '';
  }
  const delta = Date.parse(iso) - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size || unit === 'second') {
      return relative.format(Math.round(delta / size), unit);
    }
  }
  return '';
}

/** "2 h 5 min", "40 s": how long since. */
export function age(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ${minutes % 60} min`;
  }
  return `${Math.floor(hours / 24)} d`;
}

export function dateTime(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }) : '';
}

export function who(actor: Actor | undefined): string {
  return actor ? `${actor.kind} ${actor.name}` : '';
}

export function words(wire: string): string {
  return wire.replaceAll('_', ' ');
}
