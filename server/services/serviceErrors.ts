import { err, type Result } from "../../lib/model/result";
import type { ServiceError, ServiceErrorKind } from "../../lib/protocol/appServices";

export const fail = (kind: ServiceErrorKind, message: string): Result<never, ServiceError> => err({ kind, message });

/** The one answer for "does not exist" and "you may not see it", so membership never leaks. */
export const boardNotFound = () => fail("not-found", "board not found");
