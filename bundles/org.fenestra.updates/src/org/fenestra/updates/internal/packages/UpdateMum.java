package org.fenestra.updates.internal.packages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fenestra.updates.api.ApplicableBuild;
import org.fenestra.updates.api.ApplicableBuild.Comparison;
import org.fenestra.updates.api.OfflineServiceable;
import org.fenestra.updates.api.OsBuild;
import org.fenestra.updates.api.PackageIdentity;
import org.fenestra.updates.packages.PackageFormatException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A component-servicing package manifest: {@code update.mum} of a CBS cabinet, or one of an
 * image's {@code Windows/servicing/Packages/*.mum}. What is read:
 *
 * <pre>
 * &lt;assembly xmlns="urn:schemas-microsoft-com:asm.v3" description="…" creationTimeStamp="2023-10-06T19:35:11Z"&gt;
 *   &lt;assemblyIdentity name="Package_for_RollupFix" version="22621.2428.1.4" processorArchitecture="amd64"
 *                     language="neutral" publicKeyToken="31bf3856ad364e35"/&gt;          the package identity
 *   &lt;package identifier="KB5031356" releaseType="Security Update"&gt;                     article, classification
 *     &lt;parent buildCompare="EQ" revisionCompare="GE"&gt;                                 one build rule per parent
 *       &lt;assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="10.0.22621.1" …/&gt;
 *     &lt;/parent&gt;
 *     &lt;customInformation PackageFormat="PSFX"/&gt;                                       PSFX payload, where present
 *   &lt;/package&gt;
 * &lt;/assembly&gt;
 * </pre>
 *
 * {@code allowedOffline="true|false"} on any element (as {@code packageExtended} carries it) says
 * whether the package may be added offline.
 */
public record UpdateMum(PackageIdentity identity, String articleId, String releaseType, String description,
        List<ApplicableBuild> applicableBuilds, boolean psfx, LocalDate created, OfflineServiceable offline,
        String offlineReason) {

    public static final String NAMESPACE = "urn:schemas-microsoft-com:asm.v3";

    public static UpdateMum parse(byte[] xml, String file) throws PackageFormatException {
        Document document = SafeXml.parse(xml, file);
        Element assembly = document.getDocumentElement();
        if (!"assembly".equals(assembly.getLocalName()) || !NAMESPACE.equals(assembly.getNamespaceURI())) {
            throw PackageFormatException.damaged(file, "not a package manifest: the root element is {"
                    + assembly.getNamespaceURI() + "}" + assembly.getLocalName() + ", not {" + NAMESPACE + "}assembly");
        }
        PackageIdentity identity = identity(SafeXml.child(assembly, "assemblyIdentity"), file);
        Element pkg = SafeXml.child(assembly, "package");
        String article = SafeXml.attribute(pkg, "identifier");
        String releaseType = SafeXml.attribute(pkg, "releaseType");
        List<ApplicableBuild> builds = new ArrayList<>();
        if (pkg != null) {
            for (Element parent : SafeXml.children(pkg, "parent")) {
                builds.add(buildRule(parent, file));
            }
        }
        boolean psfx = false;
        String allowedOffline = "";
        NodeList all = assembly.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if ("customInformation".equals(element.getLocalName())
                    && "PSFX".equalsIgnoreCase(element.getAttribute("PackageFormat"))) {
                psfx = true;
            }
            if (element.hasAttribute("allowedOffline")) {
                allowedOffline = element.getAttribute("allowedOffline").strip().toLowerCase(Locale.ROOT);
            }
        }
        OfflineServiceable offline = switch (allowedOffline) {
            case "true" -> OfflineServiceable.YES;
            case "false" -> OfflineServiceable.NO;
            default -> OfflineServiceable.UNKNOWN;
        };
        String reason = switch (offline) {
            case YES -> "update.mum allows offline servicing (allowedOffline=\"true\")";
            case NO -> "update.mum refuses offline servicing (allowedOffline=\"false\")";
            case UNKNOWN -> "update.mum does not say whether it can be added offline";
        };
        return new UpdateMum(identity, article, releaseType, SafeXml.attribute(assembly, "description"), builds, psfx,
                date(SafeXml.attribute(assembly, "creationTimeStamp")), offline, reason);
    }

    private static PackageIdentity identity(Element element, String file) throws PackageFormatException {
        if (element == null || SafeXml.attribute(element, "name").isEmpty()) {
            throw PackageFormatException.damaged(file, "the package manifest has no assemblyIdentity name");
        }
        return new PackageIdentity(SafeXml.attribute(element, "name"), SafeXml.attribute(element, "version"),
                SafeXml.attribute(element, "processorArchitecture"), SafeXml.attribute(element, "language"),
                SafeXml.attribute(element, "publicKeyToken"));
    }

    private static ApplicableBuild buildRule(Element parent, String file) throws PackageFormatException {
        Element parentIdentity = SafeXml.child(parent, "assemblyIdentity");
        try {
            return new ApplicableBuild(OsBuild.parse(SafeXml.attribute(parentIdentity, "version")),
                    comparison(SafeXml.attribute(parent, "buildCompare")),
                    comparison(SafeXml.attribute(parent, "revisionCompare")));
        } catch (IllegalArgumentException e) {
            throw PackageFormatException.damaged(file, "bad parent build rule: " + e.getMessage(), e);
        }
    }

    private static Comparison comparison(String text) {
        return text.isEmpty() ? Comparison.ANY : Comparison.valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** The date of an ISO instant or date; null when absent or not a date (the date is informative only). */
    static LocalDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.length() > 10 ? Instant.parse(text).atOffset(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
