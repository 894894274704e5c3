package org.fenestra.dism.internal.binding;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * DismApi.h's functions that servicing needs, with their exact C signatures (x64; every one is
 * {@code HRESULT WINAPI}, which on x64 is the one calling convention). C types map as:
 * {@code HRESULT}, {@code UINT}, {@code DWORD}, {@code BOOL}, {@code DismSession} and the enums →
 * {@code int}; {@code PCWSTR} → {@link Utf16String} (UTF-16 on every platform); {@code HANDLE},
 * {@code PVOID} → {@link Pointer}; {@code T**} out-parameters → {@link PointerByReference}
 * (released with {@link #DismDelete}); {@code UINT*} → {@link IntByReference}.
 */
public interface DismApiLibrary extends Library {

    /** {@code DismInitialize(DismLogLevel LogLevel, PCWSTR LogFilePath, PCWSTR ScratchDirectory)} */
    int DismInitialize(int logLevel, Utf16String logFilePath, Utf16String scratchDirectory);

    /** {@code DismShutdown()} */
    int DismShutdown();

    /**
     * {@code DismMountImage(PCWSTR ImageFilePath, PCWSTR MountPath, UINT ImageIndex, PCWSTR ImageName,
     * DismImageIdentifier ImageIdentifier, DWORD Flags, HANDLE CancelEvent, DISM_PROGRESS_CALLBACK Progress,
     * PVOID UserData)}
     */
    int DismMountImage(Utf16String imageFilePath, Utf16String mountPath, int imageIndex, Utf16String imageName,
            int imageIdentifier, int flags, Pointer cancelEvent, ProgressCallback progress, Pointer userData);

    /** {@code DismUnmountImage(PCWSTR MountPath, DWORD Flags, HANDLE CancelEvent, DISM_PROGRESS_CALLBACK Progress, PVOID UserData)} */
    int DismUnmountImage(Utf16String mountPath, int flags, Pointer cancelEvent, ProgressCallback progress,
            Pointer userData);

    /** {@code DismOpenSession(PCWSTR ImagePath, PCWSTR WindowsDirectory, PCWSTR SystemDrive, DismSession* Session)} */
    int DismOpenSession(Utf16String imagePath, Utf16String windowsDirectory, Utf16String systemDrive,
            IntByReference session);

    /** {@code DismCloseSession(DismSession Session)} */
    int DismCloseSession(int session);

    /** {@code DismGetLastErrorMessage(DismString** ErrorMessage)}: the calling thread's last error. */
    int DismGetLastErrorMessage(PointerByReference errorMessage);

    /** {@code DismCommitImage(DismSession Session, DWORD Flags, HANDLE CancelEvent, DISM_PROGRESS_CALLBACK Progress, PVOID UserData)} */
    int DismCommitImage(int session, int flags, Pointer cancelEvent, ProgressCallback progress, Pointer userData);

    /** {@code DismGetImageInfo(PCWSTR ImageFilePath, DismImageInfo** ImageInfo, UINT* Count)} */
    int DismGetImageInfo(Utf16String imageFilePath, PointerByReference imageInfo, IntByReference count);

    /** {@code DismGetMountedImageInfo(DismMountedImageInfo** MountedImageInfo, UINT* Count)} */
    int DismGetMountedImageInfo(PointerByReference mountedImageInfo, IntByReference count);

    /** {@code DismCleanupMountpoints()} */
    int DismCleanupMountpoints();

    /** {@code DismDelete(VOID* DismStructure)}: releases a buffer any Dism* function returned, once. */
    int DismDelete(Pointer dismStructure);

    /**
     * {@code DismAddPackage(DismSession Session, PCWSTR PackagePath, BOOL IgnoreCheck, BOOL PreventPending,
     * HANDLE CancelEvent, DISM_PROGRESS_CALLBACK Progress, PVOID UserData)}
     */
    int DismAddPackage(int session, Utf16String packagePath, int ignoreCheck, int preventPending,
            Pointer cancelEvent, ProgressCallback progress, Pointer userData);

    /** {@code DismGetPackages(DismSession Session, DismPackage** Package, UINT* Count)} */
    int DismGetPackages(int session, PointerByReference packages, IntByReference count);

    /**
     * {@code DismGetPackageInfo(DismSession Session, PCWSTR Identifier, DismPackageIdentifier PackageIdentifier,
     * DismPackageInfo** PackageInfo)}
     */
    int DismGetPackageInfo(int session, Utf16String identifier, int packageIdentifier,
            PointerByReference packageInfo);

    /**
     * Undocumented export (not in DismApi.h): {@code _DismCleanImage(DismSession Session, DismCleanType Type,
     * DWORD Flags, HANDLE CancelEvent, DISM_PROGRESS_CALLBACK Progress, PVOID UserData)}, what
     * {@code dism /Cleanup-Image /StartComponentCleanup [/ResetBase]} calls. Absent from older DISM
     * versions: check {@link DismApiLibraries#exports} before calling.
     */
    int _DismCleanImage(int session, int type, int flags, Pointer cancelEvent, ProgressCallback progress,
            Pointer userData);
}
