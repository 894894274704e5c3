package org.fenestra.servicing.portable.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fenestra.servicing.api.ImageServicer;
import org.fenestra.servicing.api.ServicingPackage;
import org.fenestra.servicing.testing.FenestraPackageFile;
import org.fenestra.servicing.testing.ImageServicerContract;
import org.fenestra.updates.api.PackageType;

/** The servicer contract, passed by the portable servicer with Fenestra packages (and a CBS cabinet it refuses). */
class PortableServicerContractTest extends ImageServicerContract {

    @Override
    protected ImageServicer servicer() {
        return new PortableImageServicer();
    }

    @Override
    protected ServicingPackage applicablePackage(Path folder, String name) throws Exception {
        return new ServicingPackage("UPD-" + name, agent(name).write(folder.resolve(name + ".fpkg")), PackageType.FENESTRA);
    }

    private static FenestraPackageFile agent(String name) {
        return new FenestraPackageFile("FPK-" + name, "Contoso-" + name, "1.0.0.0")
                .add("Program Files/Contoso/" + name + ".exe", ("agent " + name).repeat(1000).getBytes());
    }

    @Override
    protected String identityOf(String name) {
        return agent(name).identity();
    }

    /** A real CBS cabinet (made with gcab): the portable servicer must not touch it. */
    @Override
    protected ServicingPackage unsupportedPackage(Path folder) throws Exception {
        Path content = Files.createDirectories(folder.resolve("cbs"));
        Files.writeString(content.resolve("update.mum"), "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\"/>");
        Path cab = folder.resolve("Windows11.0-KB5031354-x64.cab");
        Process gcab = new ProcessBuilder(List.of("gcab", "-c", cab.toString(), "update.mum")).directory(content.toFile())
                .redirectErrorStream(true).start();
        gcab.getInputStream().readAllBytes();
        gcab.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, gcab.exitValue(), "gcab");
        return new ServicingPackage("UPD-CBS", cab, PackageType.CBS);
    }

    /** A package cut short in its middle: the ZIP's directory is gone. */
    @Override
    protected ServicingPackage damagedPackage(Path folder) throws Exception {
        Path whole = agent("damaged").write(folder.resolve("whole.fpkg"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(folder.resolve("damaged.fpkg"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        return new ServicingPackage("UPD-DAMAGED", cut, PackageType.FENESTRA);
    }
}
