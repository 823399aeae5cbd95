/** What a CSV column can fill (csvImport.ts); apart so the import API's schema needs no CSV parser. */
export const CSV_FIELDS = [
  "id",
  "title",
  "lane",
  "phase",
  "start",
  "finish",
  "duration",
  "owners",
  "status",
  "priority",
  "tags",
  "predecessors",
  "milestone",
  "effort",
  "description",
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
/** Column index → the field it fills, or null (ignored). */
