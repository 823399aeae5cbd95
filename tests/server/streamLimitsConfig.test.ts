import { describe, expect, it } from "vitest";
import { readConfig } from "../../server/config";
import { DEFAULT_MAX_STREAMS_PER_LINK, DEFAULT_MAX_STREAMS_PER_PERSON, StreamQuota } from "../../server/events/streamQuota";

/** The event-stream caps as an operator sets them (README.md, Environment variables). */
describe("event stream caps", () => {
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: "production", ...extra });

  it("default to 500 streams a share link and 30 a person; the variables set them; junk is refused at start-up", () => {
    expect(readConfig(env())).toMatchObject({ maxStreamsPerLink: DEFAULT_MAX_STREAMS_PER_LINK, maxStreamsPerPerson: DEFAULT_MAX_STREAMS_PER_PERSON });
    expect([DEFAULT_MAX_STREAMS_PER_LINK, DEFAULT_MAX_STREAMS_PER_PERSON]).toEqual([500, 30]);
    expect(readConfig(env({ WAYMARK_MAX_STREAMS_PER_LINK: "2000", WAYMARK_MAX_STREAMS_PER_PERSON: "5" }))).toMatchObject({ maxStreamsPerLink: 2000, maxStreamsPerPerson: 5 });
    expect(() => readConfig(env({ WAYMARK_MAX_STREAMS_PER_LINK: "0" }))).toThrow(/WAYMARK_MAX_STREAMS_PER_LINK/);
    expect(() => readConfig(env({ WAYMARK_MAX_STREAMS_PER_PERSON: "many" }))).toThrow(/WAYMARK_MAX_STREAMS_PER_PERSON/);
  });

  it("a place given back twice is given back once", () => {
    const quota = new StreamQuota(1);
    const first = quota.take("link:a")!;
    expect(quota.take("link:a")).toBeNull();
    const other = quota.take("link:b");
    expect(other).not.toBeNull();
    first();
    first();
    expect(quota.count("link:a")).toBe(0);
    const again = quota.take("link:a")!;
    expect(quota.take("link:a")).toBeNull();
    again();
    expect(quota.count("link:b")).toBe(1);
  });
});
