import { fileURLToPath } from "node:url";

/**
 * The one typeface of every PDF and PNG: Inter (SIL Open Font License, fonts/OFL.txt), taken
 * from the npm package @expo-google-fonts/inter 0.4.2 and kept in the repo, so an export looks
 * the same on every server whatever fonts it has installed (it needs none).
 */
export const FONT_FILES = {
  regular: fileURLToPath(new URL("./fonts/Inter_400Regular.ttf", import.meta.url)),
  semibold: fileURLToPath(new URL("./fonts/Inter_600SemiBold.ttf", import.meta.url)),
} as const;
