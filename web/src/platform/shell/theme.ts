import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** System fonts only (nothing is loaded from elsewhere); Japanese faces first. */
export const theme = createTheme({
  fontFamily: '"Hiragino Kaku Gothic ProN", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", Meiryo, "Yu Gothic UI", system-ui, sans-serif',
  headings: { fontFamily: 'inherit' },
  primaryColor: 'indigo',
  // filled controls dark enough for white text (4.5:1)
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  // no fades or slides for people who ask their system for less motion
  respectReducedMotion: true,
  components: {
    // plain objects, not Component.extend(), so the sign-in page does not load these components
    // a table's caption names it, above it
    Table: { defaultProps: { captionSide: 'top' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': '閉じる' } } },
  },
});

/** Secondary ("dimmed") text and a field's error dark enough to read: at least 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
