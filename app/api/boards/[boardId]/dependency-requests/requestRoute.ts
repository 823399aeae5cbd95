import { MAX_REQUEST_NOTE } from "../../../../../lib/protocol/dependencyRequests";

/** Bytes a request body may carry: a note of MAX_REQUEST_NOTE characters (up to 3 bytes each in UTF-8), ids and a date. */
export const REQUEST_BODY_LIMIT = 3 * MAX_REQUEST_NOTE + 1024;
