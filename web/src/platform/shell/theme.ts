import { Table, createTheme } from '@mantine/core';

/** System fonts only (nothing is loaded from elsewhere); Japanese faces first. */
export const theme = createTheme({
  fontFamily:
    '"Hiragino Kaku Gothic ProN", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", Meiryo, "Yu Gothic UI", system-ui, sans-serif',
  headings: { fontFamily: 'inherit' },
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  components: {
    // a table's caption names it, above it
    Table: Table.extend({ defaultProps: { captionSide: 'top' } }),
  },
});
