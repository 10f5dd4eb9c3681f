/**
 * The guard's rule categories as a list that needs no schema library to read (the worker's core does not build the
 * schemas). schema.ts RuleCategorySchema says the same; a test holds the two equal.
 */
export const RULE_CATEGORIES = ['service-taboo', 'off-platform', 'review-inducement', 'abuse', 'absolute-claim', 'false-promise', 'privacy'] as const;
