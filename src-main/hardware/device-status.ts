// Live status of every device the manager drives, published as 'device.status' events on change.
import type { DeviceStatus } from '../../src-shared/contract/device.js';

export interface LiveStatus {
  status: DeviceStatus;
  detail: string | null;
  at: string | null;
}

export class StatusBoard {
  readonly #statuses = new Map<string, LiveStatus>();

  constructor(
    private readonly publish: (deviceId: string, status: DeviceStatus) => void,
    private readonly now: () => Date,
  ) {}

  get(deviceId: string): LiveStatus {
    return this.#statuses.get(deviceId) ?? { status: 'unknown', detail: null, at: null };
  }

  set(deviceId: string, status: DeviceStatus, detail: string | null = null): void {
    const previous = this.#statuses.get(deviceId);
    this.#statuses.set(deviceId, { status, detail, at: this.now().toISOString() });
    if (previous?.status !== status) this.publish(deviceId, status);
  }

  forget(deviceId: string): void {
    this.#statuses.delete(deviceId);
  }
}
