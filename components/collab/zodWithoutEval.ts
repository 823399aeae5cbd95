import { z } from "zod";

/**
 * zod compiles object parsers with `new Function` when the page allows it, and probes whether
 * it does when the first object schema is built. Our Content-Security-Policy forbids eval, so
 * the probe can only fail, and the failure is reported as a CSP violation. Say up front that
 * there is no JIT here. Import it for its effect first thing in each client entry that builds
 * schemas (BoardScreen), before any module that defines them.
 */
z.config({ jitless: true });
