/**
 * Alibaba Cloud OpenAPI request signatures as pure functions: ACS3-HMAC-SHA256 (V3) and HMAC-SHA1 (V1), with the
 * RFC 3986 percent-encoding both rely on. Shared by the upstream client, which signs, and the simulator, which
 * verifies. Time and nonces are injected so that known-answer vectors reproduce exactly.
 */
@NullMarked
@NamedInterface("signing")
package com.rdsmigration.gateway.rds.signing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
