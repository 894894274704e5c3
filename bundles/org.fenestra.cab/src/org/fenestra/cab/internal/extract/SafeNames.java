package org.fenestra.cab.internal.extract;

import java.util.ArrayList;
import java.util.List;

import org.fenestra.cab.errors.UnsafeEntryNameException;

/**
 * Turns a stored name into the relative path it is extracted to, or refuses it: names that are
 * absolute ({@code \x}, {@code /x}), start with a drive letter ({@code C:}), hold a {@code ..}
 * folder or a NUL, or name no file at all. Empty and {@code .} folders are dropped.
 */
public final class SafeNames {

    private SafeNames() {
    }

    public static List<String> relativeParts(String cabinet, String name) throws UnsafeEntryNameException {
        String path = name.replace('\\', '/');
        if (path.indexOf('\0') >= 0) {
            throw unsafe(cabinet, name, "holds a NUL character");
        }
        if (path.startsWith("/")) {
            throw unsafe(cabinet, name, "is an absolute path");
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
            throw unsafe(cabinet, name, "starts with a drive letter");
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw unsafe(cabinet, name, "holds a '..' folder");
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw unsafe(cabinet, name, "names no file");
        }
        return parts;
    }

    static UnsafeEntryNameException unsafe(String cabinet, String name, String why) {
        return new UnsafeEntryNameException(cabinet + ": entry name '" + name + "' " + why
                + "; refusing to extract the cabinet", name);
    }
}
