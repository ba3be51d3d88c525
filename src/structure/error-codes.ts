/** Error codes of the confederation's structure (sectors, federations, councils, unions). */
export const StructureErrorCode = {
  UNION_HAS_MEMBERSHIP_HISTORY: 'UNION_HAS_MEMBERSHIP_HISTORY',
} as const;

export type StructureErrorCode = (typeof StructureErrorCode)[keyof typeof StructureErrorCode];

declare module '../platform/common/errors/domain-error' {
  interface ErrorCodeRegistry {
    structure: typeof StructureErrorCode;
  }
}
