package org.fenestra.dism.internal;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.sun.jna.Pointer;

import org.fenestra.dism.ImageInfo;
import org.fenestra.dism.InstalledPackage;
import org.fenestra.dism.MountMode;
import org.fenestra.dism.MountStatus;
import org.fenestra.dism.MountedImage;
import org.fenestra.dism.PackageInfo;
import org.fenestra.dism.PackageState;
import org.fenestra.dism.ReleaseType;
import org.fenestra.dism.RestartType;
import org.fenestra.dism.WindowsVersion;
import org.fenestra.dism.internal.binding.DismCustomProperty;
import org.fenestra.dism.internal.binding.DismFeature;
import org.fenestra.dism.internal.binding.DismImageInfo;
import org.fenestra.dism.internal.binding.DismMountedImageInfo;
import org.fenestra.dism.internal.binding.DismPackage;
import org.fenestra.dism.internal.binding.DismPackageInfo;
import org.fenestra.dism.internal.binding.DismString;
import org.fenestra.dism.internal.binding.PackedStructure;
import org.fenestra.dism.internal.binding.SystemTime;
import org.fenestra.dism.internal.binding.WideStrings;

/** DISM's structs (read while their buffer is alive) to our value types. */
final class Conversions {

    /** More elements than any image has packages; a larger count is corrupt, not data. */
    static final int MAX_ELEMENTS = 1 << 20;

    private Conversions() {
    }

    /** {@code count} packed structs in a row from {@code first}, each read by {@code reader}. */
    static <S extends PackedStructure, T> List<T> array(Pointer first, int count, int stride,
            Function<Pointer, S> reader, Function<S, T> convert) {
        if (count < 0 || count > MAX_ELEMENTS) {
            throw new IllegalStateException("DISM returned an impossible element count: " + Integer.toUnsignedString(count));
        }
        if (count > 0 && first == null) {
            throw new IllegalStateException("DISM returned " + count + " elements but no array");
        }
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(convert.apply(reader.apply(first.share((long) i * stride))));
        }
        return values;
    }

    static InstalledPackage installedPackage(DismPackage raw) {
        return new InstalledPackage(WideStrings.read(raw.PackageName), decode(PackageState.values(), raw.PackageState),
                decode(ReleaseType.values(), raw.ReleaseType), time(raw.InstallTime));
    }

    static PackageInfo packageInfo(DismPackageInfo raw) {
        List<PackageInfo.CustomProperty> properties = array(raw.CustomProperty, raw.CustomPropertyCount,
                new DismCustomProperty().size(), DismCustomProperty::new,
                p -> new PackageInfo.CustomProperty(WideStrings.read(p.Name), WideStrings.read(p.Value),
                        WideStrings.read(p.Path)));
        List<PackageInfo.Feature> features = array(raw.Feature, raw.FeatureCount, new DismFeature().size(),
                DismFeature::new,
                f -> new PackageInfo.Feature(WideStrings.read(f.FeatureName), decode(PackageState.values(), f.State)));
        return new PackageInfo(WideStrings.read(raw.PackageName), decode(PackageState.values(), raw.PackageState),
                decode(ReleaseType.values(), raw.ReleaseType), time(raw.InstallTime), raw.Applicable != 0,
                WideStrings.read(raw.Copyright), WideStrings.read(raw.Company), time(raw.CreationTime),
                WideStrings.read(raw.DisplayName), WideStrings.read(raw.Description),
                WideStrings.read(raw.InstallClient), WideStrings.read(raw.InstallPackageName),
                time(raw.LastUpdateTime), WideStrings.read(raw.ProductName), WideStrings.read(raw.ProductVersion),
                decode(RestartType.values(), raw.RestartRequired), raw.FullyOffline == 0,
                WideStrings.read(raw.SupportInformation), properties, features);
    }

    static ImageInfo imageInfo(DismImageInfo raw) {
        List<String> languages = array(raw.Language, raw.LanguageCount, new DismString().size(), DismString::new,
                s -> WideStrings.read(s.Value));
        int defaultIndex = raw.DefaultLanguageIndex;
        String defaultLanguage = defaultIndex >= 0 && defaultIndex < languages.size() ? languages.get(defaultIndex) : null;
        Boolean bootable = switch (raw.Bootable) {
            case 0 -> Boolean.TRUE;
            case 1 -> Boolean.FALSE;
            default -> null;
        };
        WindowsVersion version = new WindowsVersion(Math.max(0, raw.MajorVersion), Math.max(0, raw.MinorVersion),
                Math.max(0, raw.Build), Math.max(0, raw.SpBuild));
        return new ImageInfo(raw.ImageIndex, WideStrings.read(raw.ImageName), WideStrings.read(raw.ImageDescription),
                raw.ImageSize, raw.Architecture, WideStrings.read(raw.ProductName), WideStrings.read(raw.EditionId),
                WideStrings.read(raw.InstallationType), WideStrings.read(raw.Hal), WideStrings.read(raw.ProductType),
                WideStrings.read(raw.ProductSuite), version, raw.SpLevel, bootable, WideStrings.read(raw.SystemRoot),
                languages, defaultLanguage);
    }

    static MountedImage mountedImage(DismMountedImageInfo raw) {
        MountMode mode = raw.MountMode == 1 ? MountMode.READ_ONLY : MountMode.READ_WRITE;
        return new MountedImage(WideStrings.read(raw.MountPath), WideStrings.read(raw.ImageFilePath),
                raw.ImageIndex, mode, decode(MountStatus.values(), raw.MountStatus));
    }

    /** DISM's enum value as ours (declared in DISM's order, UNKNOWN last). */
    static <E extends Enum<E>> E decode(E[] values, int code) {
        return code >= 0 && code < values.length - 1 ? values[code] : values[values.length - 1];
    }

    /** A SYSTEMTIME as a date and time; {@code null} when DISM leaves it empty or it is no valid date. */
    static LocalDateTime time(SystemTime raw) {
        if (raw == null || raw.wYear == 0) {
            return null;
        }
        try {
            return LocalDateTime.of(raw.wYear, raw.wMonth, raw.wDay, raw.wHour, raw.wMinute, raw.wSecond,
                    raw.wMilliseconds * 1_000_000);
        } catch (DateTimeException invalid) {
            return null;
        }
    }
}
