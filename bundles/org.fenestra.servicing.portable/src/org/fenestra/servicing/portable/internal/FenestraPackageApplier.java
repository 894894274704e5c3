package org.fenestra.servicing.portable.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.fenestra.registry.Hive;
import org.fenestra.registry.HiveEdit;
import org.fenestra.registry.HiveException;
import org.fenestra.registry.RegFile;
import org.fenestra.registry.RegFileException;
import org.fenestra.servicing.api.PackageOutcome;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingPackage;
import org.fenestra.servicing.portable.internal.ImageTree.Kind;
import org.fenestra.updates.packages.FenestraPackage;
import org.fenestra.updates.packages.FenestraPackage.FileOperation;
import org.fenestra.updates.packages.FenestraPackage.RegistryImport;
import org.fenestra.updates.packages.PackageFormatException;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.ModifyOptions;
import org.fenestra.wim.model.UpdateCommand;
import org.fenestra.wim.model.WimProgress;

/**
 * Applies one Fenestra package to an image: checks every operation against the image first
 * (an add whose path exists, a replace or delete whose path is missing, a hive the image lacks
 * refuse the package before anything is written), takes the payload files out of the package,
 * imports the {@code .reg} files into copies of their hives, and then makes all of it one
 * engine update (file operations, changed hives and the package's record), so the package is
 * in the image whole or not at all.
 */
final class FenestraPackageApplier {

    private final Path wimFile;
    private final int index;
    private final Path scratch;
    private final String recordsFolder;

    FenestraPackageApplier(Path wimFile, int index, Path scratch, String recordsFolder) {
        this.wimFile = wimFile;
        this.index = index;
        this.scratch = scratch;
        this.recordsFolder = recordsFolder;
    }

    PackageOutcome apply(ServicingPackage pkg, WimProgress progress) throws ServicingException, IOException {
        WimProgress.checkCanceled(progress);
        String name = pkg.updateId() + " (" + pkg.file().getFileName() + ")";
        FenestraPackage manifest = read(pkg.file(), name);
        String identity = manifest.identity().text();
        List<UpdateCommand> commands = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int removed = 0;
        try (WimFile wim = WimFile.open(wimFile); ZipFile zip = new ZipFile(pkg.file().toFile())) {
            WimImage image = wim.openImage(index);
            ImageTree tree = new ImageTree(image);
            for (FileOperation operation : manifest.operations()) {
                WimProgress.checkCanceled(progress);
                String path = operation.path();
                Kind now = tree.kind(path);
                switch (operation.kind()) {
                    case ADD -> {
                        refuseUnless(now == Kind.MISSING, name, "add " + path + ": the path exists in the image");
                        refuseUnless(parentIsDirectoryOrMissing(tree, path), name, "add " + path + ": a parent is a file");
                        commands.add(new UpdateCommand.Add(payload(zip, operation.source(), name), tree.spelling(path), true));
                        tree.plan(path, Kind.FILE);
                        added++;
                    }
                    case REPLACE -> {
                        refuseUnless(now == Kind.FILE, name, "replace " + path + ": "
                                + (now == Kind.MISSING ? "no such file in the image" : "it is a folder"));
                        commands.add(new UpdateCommand.Add(payload(zip, operation.source(), name), tree.spelling(path), false));
                        changed++;
                    }
                    case DELETE -> {
                        refuseUnless(now != Kind.MISSING, name, "delete " + path + ": no such file or folder in the image");
                        refuseUnless(now == Kind.FILE || !tree.hasChildren(path), name,
                                "delete " + path + ": the folder is not empty");
                        commands.add(new UpdateCommand.Delete(tree.spelling(path), false, now == Kind.DIRECTORY));
                        tree.plan(path, Kind.MISSING);
                        removed++;
                    }
                }
            }
            Map<HiveLocation, List<RegistryImport>> byHive = new LinkedHashMap<>();
            for (RegistryImport reg : manifest.registry()) {
                byHive.computeIfAbsent(HiveLocation.of(reg.hive()), h -> new ArrayList<>()).add(reg);
            }
            for (Map.Entry<HiveLocation, List<RegistryImport>> hive : byHive.entrySet()) {
                WimProgress.checkCanceled(progress);
                String path = hive.getKey().imagePath;
                refuseUnless(tree.kind(path) == Kind.FILE && tree.find(path) != null, name,
                        "registry import into " + hive.getKey() + ": the image has no " + path);
                Path edited = importInto(image, tree.find(path).fullPath(), hive.getKey(), hive.getValue(), zip, name, progress);
                commands.add(new UpdateCommand.Add(edited, tree.spelling(path), false));
                changed++;
            }
            Path record = Files.write(scratch.resolve("record.xml"), manifestBytes(zip, name));
            String recordPath = tree.spelling(recordsFolder + "/" + identity + ".xml");
            commands.add(new UpdateCommand.Add(record, recordPath, false));
        }
        WimProgress.checkCanceled(progress);
        // One engine update: written after the old end of the WIM, the header last; a failure or a
        // cancel truncates the file back, so the package is all or nothing.
        org.fenestra.wim.WimUpdater.update(wimFile, index, commands, ModifyOptions.defaults(), progress);
        return new PackageOutcome(PackageOutcome.Result.APPLIED, identity, added + " added, " + changed + " replaced, "
                + removed + " deleted (" + manifest.registry().size() + " registry file(s))", added, changed, removed);
    }

    private static FenestraPackage read(Path file, String name) throws ServicingException {
        try {
            return FenestraPackage.read(file, name);
        } catch (PackageFormatException e) {
            throw new ServicingException(Reason.BAD_PACKAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new ServicingException(Reason.IO, name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean parentIsDirectoryOrMissing(ImageTree tree, String path) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (tree.kind(path.substring(0, slash)) == Kind.FILE) {
                return false;
            }
        }
        return true;
    }

    private Path payload(ZipFile zip, String source, String name) throws IOException, ServicingException {
        ZipEntry entry = zip.getEntry(source);
        if (entry == null) {
            throw new ServicingException(Reason.BAD_PACKAGE, name + ": no entry " + source);
        }
        Path target = Files.createDirectories(scratch.resolve("payload/" + scratchCount++)).resolve("file");
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private int scratchCount;

    private static byte[] manifestBytes(ZipFile zip, String name) throws IOException, ServicingException {
        ZipEntry entry = zip.getEntry(FenestraPackage.MANIFEST);
        if (entry == null) {
            throw new ServicingException(Reason.BAD_PACKAGE, name + ": no " + FenestraPackage.MANIFEST);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** Takes the hive out of the image, imports the package's {@code .reg} files into it in order, and returns the edited file. */
    private Path importInto(WimImage image, String hivePath, HiveLocation hive, List<RegistryImport> imports, ZipFile zip,
            String name, WimProgress progress) throws IOException, ServicingException {
        Path folder = Files.createDirectories(scratch.resolve("hive-" + hive));
        WimExtractor.extract(image, List.of(hivePath), folder, ExtractOptions.defaults(), progress);
        Path file = folder.resolve(hivePath.substring(hivePath.lastIndexOf('/') + 1));
        if (!Files.isRegularFile(file)) {
            throw new ServicingException(Reason.IO, name + ": the hive " + hivePath + " could not be taken out of the image");
        }
        Hive opened;
        try {
            opened = Hive.open(file);
        } catch (HiveException e) {
            throw new ServicingException(Reason.NOT_APPLICABLE, name + ": the image's " + hive + " hive is damaged: "
                    + e.getMessage(), e);
        }
        Path edited = folder.resolve("edited");
        try (HiveEdit edit = opened.edit()) {
            for (RegistryImport reg : imports) {
                ZipEntry entry = zip.getEntry(reg.source());
                byte[] text;
                try (InputStream in = zip.getInputStream(entry)) {
                    text = in.readAllBytes();
                }
                try {
                    RegFile.parse(text).applyTo(edit, hive.regPrefix);
                } catch (RegFileException e) {
                    throw new ServicingException(Reason.BAD_PACKAGE, name + ": " + reg.source() + " line " + e.line()
                            + ": " + e.getMessage(), e);
                } catch (HiveException e) {
                    throw new ServicingException(Reason.NOT_APPLICABLE, name + ": " + reg.source() + " does not fit the "
                            + hive + " hive: " + e.getMessage(), e);
                }
            }
            edit.commitTo(edited);
        }
        return edited;
    }

    private static void refuseUnless(boolean fits, String name, String problem) throws ServicingException {
        if (!fits) {
            throw new ServicingException(Reason.NOT_APPLICABLE, name + ": " + problem + "; nothing was changed");
        }
    }
}
