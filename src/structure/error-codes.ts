/** Error codes of the confederation's structure (sectors, federations, councils, unions). */
export const StructureErrorCode = {
  UNION_HAS_MEMBERSHIP_HISTORY: 'UNION_HAS_MEMBERSHIP_HISTORY',
  // details[]: a composition whose women + men + unspecified differ from its seats (governance bodies)
  COUNTS_DO_NOT_SUM: 'COUNTS_DO_NOT_SUM',
  // companies and their relations (docs/company-groups.md)
  CORPORATE_NUMBER_CHECK_DIGIT: 'CORPORATE_NUMBER_CHECK_DIGIT',
  SECOND_CONTROLLING_PARENT: 'SECOND_CONTROLLING_PARENT',
  RELATION_CYCLE: 'RELATION_CYCLE',
} as const;

export type StructureErrorCode = (typeof StructureErrorCode)[keyof typeof StructureErrorCode];

declare module '../platform/common/errors/domain-error' {
  interface ErrorCodeRegistry {
    structure: typeof StructureErrorCode;
  }
}
