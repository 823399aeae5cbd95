import { MAX_COMMENT_JSON_BYTES } from "../../../../lib/model/commentBody";

/**
 * Bytes a comment request may carry. The body's own limit (MAX_COMMENT_JSON_BYTES, in
 * characters of JSON) is checked by the services; this only stops a huge upload from being read
 * at all, with room for UTF-8 (up to 3 bytes a character) and the request's other fields.
 */
export const COMMENT_REQUEST_MAX_BYTES = 4 * MAX_COMMENT_JSON_BYTES;
