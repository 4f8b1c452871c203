/** Time as the platform sees it: the real clock, or locally a manual one that tests advance. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
