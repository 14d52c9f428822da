package dev.appsecrets.keyring;

import java.nio.file.Path;

/**
 * A master key file made for development when none is configured; offered only by the
 * embedded development database, never with a real one.
 *
 * @param file the file holding the key in base64
 */
public record DevelopmentMasterKey(Path file) {
}
