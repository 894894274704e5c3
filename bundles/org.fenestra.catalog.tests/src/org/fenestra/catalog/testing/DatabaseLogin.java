package org.fenestra.catalog.testing;

/**
 * Where a test database is and how to log in to it.
 *
 * @param url      a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
 * @param user     the login (owner of the database, not a superuser)
 * @param password its password
 */
public record DatabaseLogin(String url, String user, String password) {
}
