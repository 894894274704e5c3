package org.fenestra.smb.internal;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.util.concurrent.TimeUnit;

import org.fenestra.smb.SmbCredentials;
import org.fenestra.smb.SmbException;
import org.fenestra.smb.SmbException.Kind;

import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.common.SMBRuntimeException;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.Share;

/** Connect, log on, tree connect: each step's failure becomes the {@link SmbException} kind an admin can fix. */
public final class SmbConnector {

    private SmbConnector() {
    }

    public static FileSystem open(String server, int port, String shareName, SmbCredentials credentials,
            long timeoutMillis) throws SmbException {
        String where = "\\\\" + server + "\\" + shareName + (port == 445 ? "" : " (port " + port + ")");
        SMBClient client = new SMBClient(SmbConfig.builder()
                .withTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .withSoTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .withDfsEnabled(false)
                .build());
        Connection connection = null;
        Session session = null;
        try {
            try {
                connection = client.connect(server, port);
            } catch (IOException | SMBRuntimeException e) {
                throw new SmbException(Kind.HOST_UNREACHABLE, "cannot reach the SMB server " + server + " on port " + port
                        + ": " + e.getMessage(), e);
            }
            AuthenticationContext logon = credentials.user().isEmpty() ? AuthenticationContext.anonymous()
                    : new AuthenticationContext(credentials.user(), credentials.password().toCharArray(),
                            credentials.domain());
            try {
                session = connection.authenticate(logon);
            } catch (SMBApiException e) {
                throw new SmbException(Kind.AUTHENTICATION_FAILED, where + ": the server refused the logon of "
                        + credentials + " (" + e.getStatus() + "); check fenestra.smb.user/password", e);
            }
            Share share;
            try {
                share = session.connectShare(shareName);
            } catch (SMBApiException e) {
                Kind kind = switch (e.getStatus()) {
                    case STATUS_BAD_NETWORK_NAME -> Kind.SHARE_NOT_FOUND;
                    case STATUS_ACCESS_DENIED, STATUS_LOGON_FAILURE -> Kind.AUTHENTICATION_FAILED;
                    default -> Kind.OTHER;
                };
                throw new SmbException(kind, where + ": cannot connect to the share (" + e.getStatus() + ")", e);
            }
            if (!(share instanceof DiskShare disk)) {
                share.close();
                throw new SmbException(Kind.SHARE_NOT_FOUND, where + " is not a disk share", null);
            }
            return new SmbFileSystem(SmbFileSystemProvider.INSTANCE, server, shareName, client, connection, session, disk);
        } catch (SmbException e) {
            closeQuietly(session, connection, client);
            throw e;
        } catch (IOException | SMBRuntimeException e) {
            closeQuietly(session, connection, client);
            throw new SmbException(Kind.OTHER, where + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Session session, Connection connection, SMBClient client) {
        try {
            if (session != null) {
                session.close();
            }
            if (connection != null) {
                connection.close(true);
            }
        } catch (IOException | SMBRuntimeException e) {
            System.getLogger(SmbConnector.class.getName()).log(System.Logger.Level.DEBUG, "closing after failure", e);
        } finally {
            client.close();
        }
    }
}
