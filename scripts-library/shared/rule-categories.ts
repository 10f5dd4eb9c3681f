/** The guard's rule categories (schema.ts RuleCategorySchema), as a list that needs no schema library to read. */
export const RULE_CATEGORIES = ['service-taboo', 'off-platform', 'review-inducement', 'abuse', 'absolute-claim', 'false-promise', 'privacy'] as const;
