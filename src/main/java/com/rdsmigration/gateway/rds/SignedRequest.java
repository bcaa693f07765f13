package com.rdsmigration.gateway.rds;

import java.net.URI;
import java.util.Map;

/** What an authenticator decided to send: the full URI (query included) and the headers to add. */
record SignedRequest(URI uri, Map<String, String> headers) {}
