/**
 * Start-up checks of the configuration: profile `prod` names every missing setting at once, each module giving its
 * rule (`ProdSettingsRule`), before any bean is built.
 */
@NullMarked
@ApplicationModule(displayName = "Settings")
package com.rdsmigration.gateway.settings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
