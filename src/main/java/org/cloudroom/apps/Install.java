package org.cloudroom.apps;

import java.util.List;
import java.util.UUID;

/**
 * An install of a curated app, as the operator follows it: its state ({@code RUNNING}, {@code SUCCEEDED},
 * {@code FAILED}), how far it got in percent, and the installer's log.
 */
public record Install(UUID id, String appId, String state, int percent, List<String> log) {
}
