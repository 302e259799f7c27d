import { badInput } from './errors.ts';

/** The dimensions of a topic a comparison asks for: all of them, or the named ones in the order named (unknown keys are BAD_USER_INPUT). */
export function selectDimensions<D extends { key: string; topic: string }>(all: D[], topic: string, keys: readonly string[] | null | undefined): D[] {
  const ofTopic = all.filter((d) => d.topic === topic);
  if (!keys?.length) return ofTopic;
  const byKey = new Map(ofTopic.map((d) => [d.key, d]));
  return keys.map((key) => {
    const d = byKey.get(key);
    if (!d) throw badInput(`Unknown dimension "${key}" for ${topic}.`);
    return d;
  });
}
