// Planted bugs for the sync chaos harness (tests/chaos): inert unless ASIRIA_PLANTED_BUG names one, so the
// harness can show that its invariants catch a broken duplicate check, an acknowledgement that runs ahead of
// what committed, or a pull cursor that skips a change. Never set it outside that harness.
export const PLANTED_BUGS = ['skip-duplicate-check', 'ack-too-far', 'cursor-out-of-order'] as const;
export type PlantedBug = (typeof PLANTED_BUGS)[number];

const planted = process.env.ASIRIA_PLANTED_BUG?.trim();

export function plantedBug(bug: PlantedBug): boolean {
  return planted === bug;
}
