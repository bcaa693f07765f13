/**
 * Upstream mutations the gateway must never lose track of: the intent protocol ({@link
 * com.rdsmigration.gateway.intent.IntentProtocol}: record the intent, call the upstream, record the outcome or keep the
 * task UNKNOWN) and the schedule of the reconcilers that settle what it left UNKNOWN ({@link
 * com.rdsmigration.gateway.intent.ScheduledReconciler}). The features that create upstream tasks (imports, prechecks,
 * migrations) each say how; this module says in what order and what happens when something fails.
 */
@NullMarked
@ApplicationModule(displayName = "Upstream intents")
package com.rdsmigration.gateway.intent;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
