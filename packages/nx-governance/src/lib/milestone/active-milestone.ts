import { compareIds } from '../ids/next-id';
import type { MilestoneDocument } from './model';

/** A card still in play: neither done nor in steady state. */
export const isOpenCard = (status?: string): boolean => status !== 'done' && status !== 'steady_state';

const newestFirst = (milestones: readonly MilestoneDocument[]) => [...milestones].sort((a, b) => compareIds(b.id, a.id));

/** The active milestone: the newest one (by id) with an open task card; undefined when every card is done. */
export function activeMilestone(milestones: readonly MilestoneDocument[]): MilestoneDocument | undefined {
  return newestFirst(milestones).find((m) => m.taskCards.some((c) => isOpenCard(c.status?.value)));
}

/** The newest milestone by id, done or not. */
export function newestMilestone(milestones: readonly MilestoneDocument[]): MilestoneDocument | undefined {
  return newestFirst(milestones)[0];
}
