package org.fenestra.smb;

import java.util.Objects;

/**
 * Who Fenestra is on an SMB server. An empty user means an anonymous (guest) session.
 *
 * @since 0.1
 */
public record SmbCredentials(String domain, String user, String password) {

    public SmbCredentials {
        domain = Objects.requireNonNullElse(domain, "");
        user = Objects.requireNonNullElse(user, "");
        password = Objects.requireNonNullElse(password, "");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return (domain.isEmpty() ? "" : domain + "\\") + (user.isEmpty() ? "(anonymous)" : user);
    }
}
