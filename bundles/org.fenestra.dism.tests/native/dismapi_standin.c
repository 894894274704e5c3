/*
 * A stand-in for DismApi.dll, for testing Fenestra's binding on Linux (there is no Windows here).
 *
 * It exports DismApi.h's functions with the same C signatures and the same packed
 * (#pragma pack(push, 1)) struct layouts, for x86-64, and behaves like a tiny DISM: sessions,
 * mounted images, packages per image, image information, DISM's per-thread last error message.
 * On top it records every call with its arguments, counts every buffer it hands out and every
 * DismDelete of it, calls the progress callback, honours the cancel event and returns HRESULTs
 * the test chooses (Standin_* functions at the end).
 *
 * Platform differences from Windows, on purpose:
 *  - PCWSTR is UTF-16 (unsigned short), as on Windows, not Linux's 32-bit wchar_t.
 *  - The cancel event HANDLE carries a Linux eventfd's number: "signalled" means the eventfd is
 *    readable (poll), which stays so once written, like a manual-reset Win32 event.
 *  - WINAPI (stdcall) is empty: on x86-64 Windows has one calling convention too.
 *
 * Files mode (Standin_UseFiles), for the servicer's tests: images are real WIM files and the stand-in
 * "mounts" like DISM, with wimlib-imagex doing the WIM work DISM would do itself. DismGetImageInfo
 * counts the WIM's images (`wimlib-imagex info`), DismMountImage applies the index into the mount
 * folder (`wimlib-imagex apply`), DismAddPackage checks the file is a cabinet (or a folder: an
 * expanded package) and records it as Windows/servicing/Packages/<name>.mum in the mounted tree,
 * DismGetPackages lists those .mum files, and DismUnmountImage with commit captures the tree back
 * over the WIM (`wimlib-imagex capture`, single-image WIMs only) while discard just empties the
 * mount folder. Nothing of DISM's component store is modelled: a "package" is its .mum file.
 *
 * Built by the tests: gcc -shared -fPIC -O1 -std=gnu11 -pthread -o libDismApi.so dismapi_standin.c
 */
#define _GNU_SOURCE /* nftw */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef int32_t HRESULT;
typedef uint32_t UINT;
typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef uint64_t UINT64;
typedef uint16_t WCHAR;
typedef const WCHAR *PCWSTR;
typedef void *HANDLE;
typedef void *PVOID;
typedef UINT DismSession;
typedef void (*DISM_PROGRESS_CALLBACK)(UINT Current, UINT Total, PVOID UserData);

typedef struct {
    uint16_t wYear, wMonth, wDayOfWeek, wDay, wHour, wMinute, wSecond, wMilliseconds;
} SYSTEMTIME;

/* enums are int-sized, as in DismApi.h compiled by MSVC */
typedef int32_t DismPackageFeatureState;
typedef int32_t DismReleaseType;
typedef int32_t DismRestartType;
typedef int32_t DismFullyOfflineInstallableType;
typedef int32_t DismImageType;
typedef int32_t DismImageBootable;
typedef int32_t DismMountMode;
typedef int32_t DismMountStatus;

#pragma pack(push, 1)
typedef struct { PCWSTR PackageName; DismPackageFeatureState PackageState; DismReleaseType ReleaseType; SYSTEMTIME InstallTime; } DismPackage;
typedef struct { PCWSTR Name; PCWSTR Value; PCWSTR Path; } DismCustomProperty;
typedef struct { PCWSTR FeatureName; DismPackageFeatureState State; } DismFeature;
typedef struct {
    PCWSTR PackageName; DismPackageFeatureState PackageState; DismReleaseType ReleaseType; SYSTEMTIME InstallTime;
    BOOL Applicable; PCWSTR Copyright; PCWSTR Company; SYSTEMTIME CreationTime; PCWSTR DisplayName;
    PCWSTR Description; PCWSTR InstallClient; PCWSTR InstallPackageName; SYSTEMTIME LastUpdateTime;
    PCWSTR ProductName; PCWSTR ProductVersion; DismRestartType RestartRequired;
    DismFullyOfflineInstallableType FullyOffline; PCWSTR SupportInformation;
    DismCustomProperty *CustomProperty; UINT CustomPropertyCount; DismFeature *Feature; UINT FeatureCount;
} DismPackageInfo;
typedef struct { PCWSTR Value; } DismString;
typedef DismString DismLanguage;
typedef struct {
    DismImageType ImageType; UINT ImageIndex; PCWSTR ImageName; PCWSTR ImageDescription; UINT64 ImageSize;
    UINT Architecture; PCWSTR ProductName; PCWSTR EditionId; PCWSTR InstallationType; PCWSTR Hal;
    PCWSTR ProductType; PCWSTR ProductSuite; UINT MajorVersion; UINT MinorVersion; UINT Build; UINT SpBuild;
    UINT SpLevel; DismImageBootable Bootable; PCWSTR SystemRoot; DismLanguage *Language; UINT LanguageCount;
    UINT DefaultLanguageIndex; void *CustomizedInfo;
} DismImageInfo;
typedef struct { PCWSTR MountPath; PCWSTR ImageFilePath; UINT ImageIndex; DismMountMode MountMode; DismMountStatus MountStatus; } DismMountedImageInfo;
#pragma pack(pop)

#define EXPORT __attribute__((visibility("default")))
#define S_OK 0
#define S_FALSE 1
#define E_FAIL ((HRESULT)0x80004005)
#define E_INVALIDARG ((HRESULT)0x80070057)
#define HRESULT_CANCELLED ((HRESULT)0x800704C7)
#define HRESULT_NOT_FOUND ((HRESULT)0x80070490)
#define DISMAPI_E_DISMAPI_NOT_INITIALIZED ((HRESULT)0xC0040001)
#define DISMAPI_E_OPEN_SESSION_HANDLES ((HRESULT)0xC0040003)
#define DISMAPI_E_INVALID_DISM_SESSION ((HRESULT)0xC0040004)
#define DISMAPI_E_INVALID_IMAGE_INDEX ((HRESULT)0xC0040005)
#define DISMAPI_E_UNABLE_TO_UNMOUNT_IMAGE_PATH ((HRESULT)0xC0040007)
#define HRESULT_FILE_NOT_FOUND ((HRESULT)0x80070002)
#define HRESULT_BAD_FORMAT ((HRESULT)0x8007000B)
#define HRESULT_DIR_NOT_EMPTY ((HRESULT)0x80070091)
#define E_NOTIMPL ((HRESULT)0x80004001)
#define CBS_E_INVALID_PACKAGE ((HRESULT)0x800F0805)
#define FAILED(hr) ((HRESULT)(hr) < 0)

/* ------------------------------------------------------------------ strings */

static size_t wlen(PCWSTR s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

static WCHAR *wdup(PCWSTR s) {
    if (!s) return NULL;
    size_t n = wlen(s);
    WCHAR *copy = malloc((n + 1) * sizeof(WCHAR));
    memcpy(copy, s, (n + 1) * sizeof(WCHAR));
    return copy;
}

static int weq(PCWSTR a, PCWSTR b) {
    if (!a || !b) return a == b;
    size_t n = wlen(a);
    return n == wlen(b) && memcmp(a, b, n * sizeof(WCHAR)) == 0;
}

/* UTF-16 to UTF-8 (for the call log), surrogate pairs joined; a lone surrogate becomes U+FFFD. */
static void utf8_append(char **out, size_t *len, size_t *cap, PCWSTR s) {
    const char *null_text = "(null)";
    char unit[4];
    if (!s) {
        for (const char *c = null_text; *c; c++) {
            if (*len + 1 >= *cap) { *cap = *cap * 2 + 64; *out = realloc(*out, *cap); }
            (*out)[(*len)++] = *c;
        }
        return;
    }
    for (size_t i = 0; s[i]; i++) {
        uint32_t cp = s[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            i++;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        int n;
        if (cp < 0x80) { unit[0] = (char)cp; n = 1; }
        else if (cp < 0x800) { unit[0] = (char)(0xC0 | (cp >> 6)); unit[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
        else if (cp < 0x10000) { unit[0] = (char)(0xE0 | (cp >> 12)); unit[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); unit[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
        else { unit[0] = (char)(0xF0 | (cp >> 18)); unit[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); unit[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); unit[3] = (char)(0x80 | (cp & 0x3F)); n = 4; }
        if (*len + n + 1 >= *cap) { *cap = *cap * 2 + 64; *out = realloc(*out, *cap); }
        memcpy(*out + *len, unit, n);
        *len += n;
    }
}

/* ------------------------------------------------------------------ state */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

#define MAX_BUFFERS 8192
#define MAX_CHILDREN 64
typedef struct { void *memory; void *children[MAX_CHILDREN]; int child_count; int deleted; } Buffer;
static Buffer buffers[MAX_BUFFERS];
static int buffer_count, bad_deletes;

#define MAX_SESSIONS 256
typedef struct { DismSession id; WCHAR *image; int open; } SessionEntry;
static SessionEntry sessions[MAX_SESSIONS];
static int session_count;
static DismSession next_session_id = 101;

#define MAX_PACKAGES 1024
typedef struct { WCHAR *image; WCHAR *name; DismPackageFeatureState state; DismReleaseType release; } Package;
static Package packages[MAX_PACKAGES];
static int package_count;

#define MAX_MOUNTS 64
typedef struct { WCHAR *mount; WCHAR *image; UINT index; DismMountMode mode; DismMountStatus status; } Mount;
static Mount mounts[MAX_MOUNTS];
static int mount_count;

static int initialized, initialize_calls, shutdown_calls;

/* one-shot results the test chose, per function */
#define MAX_PROGRAMS 64
typedef struct { char function[64]; HRESULT result; WCHAR *message; } Program;
static Program programs[MAX_PROGRAMS];
static int program_count;

/* packages whose DismAddPackage fails every time, with their own message */
#define MAX_FAILING 64
typedef struct { WCHAR *path; HRESULT result; WCHAR *message; } FailingPackage;
static FailingPackage failing[MAX_FAILING];
static int failing_count;

static UINT progress_steps = 5, progress_step_millis = 0, progress_silent = 0;

static char *call_log;
static size_t call_log_len, call_log_cap;

/* DISM's last error message is per thread */
static __thread WCHAR *last_error;

static void set_last_error(PCWSTR message) {
    free(last_error);
    last_error = wdup(message);
}

static void set_last_error_ascii(const char *message) {
    size_t n = strlen(message);
    WCHAR *w = malloc((n + 1) * sizeof(WCHAR));
    for (size_t i = 0; i <= n; i++) w[i] = (unsigned char)message[i];
    free(last_error);
    last_error = w;
}

/* ------------------------------------------------------------------ call log (under lock) */

static void log_text(const char *text) {
    size_t n = strlen(text);
    if (call_log_len + n + 1 >= call_log_cap) {
        call_log_cap = (call_log_len + n + 1) * 2 + 256;
        call_log = realloc(call_log, call_log_cap);
    }
    memcpy(call_log + call_log_len, text, n);
    call_log_len += n;
    call_log[call_log_len] = 0;
}

static void log_wide(PCWSTR s) {
    utf8_append(&call_log, &call_log_len, &call_log_cap, s);
    if (!call_log) { call_log_cap = 64; call_log = calloc(1, call_log_cap); }
    call_log[call_log_len] = 0;
}

static void log_format(const char *format, ...) __attribute__((format(printf, 1, 2)));
#include <stdarg.h>
static void log_format(const char *format, ...) {
    char text[512];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    log_text(text);
}

static void log_long_call(HANDLE cancel, DISM_PROGRESS_CALLBACK progress, PVOID user) {
    log_format(" cancel=%s progress=%s userData=%s\n", cancel ? "set" : "null", progress ? "set" : "null",
               user ? "set" : "null");
}

/* ------------------------------------------------------------------ buffers (under lock) */

static Buffer *new_buffer(size_t size) {
    if (buffer_count >= MAX_BUFFERS) {
        fprintf(stderr, "dismapi stand-in: more than %d buffers handed out without Standin_Reset\n", MAX_BUFFERS);
        abort();
    }
    Buffer *b = &buffers[buffer_count++];
    memset(b, 0, sizeof *b);
    b->memory = calloc(1, size ? size : 1);
    return b;
}

/* a string owned by the buffer, freed by the buffer's one DismDelete */
static PCWSTR child_string(Buffer *b, PCWSTR s) {
    if (!s || b->child_count >= MAX_CHILDREN) return NULL;
    WCHAR *copy = wdup(s);
    b->children[b->child_count++] = copy;
    return copy;
}

static void *child_memory(Buffer *b, size_t size) {
    if (b->child_count >= MAX_CHILDREN) return NULL;
    void *memory = calloc(1, size ? size : 1);
    b->children[b->child_count++] = memory;
    return memory;
}

/* ------------------------------------------------------------------ helpers */

static int take_program(const char *function, HRESULT *result) {
    for (int i = 0; i < program_count; i++) {
        if (strcmp(programs[i].function, function) == 0) {
            *result = programs[i].result;
            if (programs[i].message) set_last_error(programs[i].message);
            else if (FAILED(programs[i].result)) set_last_error_ascii("The stand-in was told to fail.");
            free(programs[i].message);
            programs[i] = programs[--program_count];
            return 1;
        }
    }
    return 0;
}

static SessionEntry *find_session(DismSession id) {
    for (int i = 0; i < session_count; i++)
        if (sessions[i].id == id && sessions[i].open) return &sessions[i];
    return NULL;
}

static int cancelled(HANDLE cancel) {
    if (!cancel) return 0;
    struct pollfd fd = { .fd = (int)(intptr_t)cancel, .events = POLLIN };
    return poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN);
}

/* Reports progress in steps (without the lock held), stopping when the cancel event is signalled. */
static HRESULT run_progress(HANDLE cancel, DISM_PROGRESS_CALLBACK progress, PVOID user) {
    pthread_mutex_lock(&lock);
    UINT steps = progress_steps, millis = progress_step_millis, silent = progress_silent;
    pthread_mutex_unlock(&lock);
    struct timespec pause = { .tv_sec = millis / 1000, .tv_nsec = (long)(millis % 1000) * 1000000L };
    for (UINT step = 0; step <= steps; step++) {
        if (cancelled(cancel)) {
            set_last_error_ascii("The operation was canceled.");
            return HRESULT_CANCELLED;
        }
        if (progress && (!silent || step == 0 || step == steps)) progress(step, steps, user);
        if (millis && step < steps) nanosleep(&pause, NULL);
    }
    return S_OK;
}

static HRESULT not_initialized(void) {
    set_last_error_ascii("DISM API was not initialized for this process.");
    return DISMAPI_E_DISMAPI_NOT_INITIALIZED;
}

static HRESULT invalid_session(void) {
    set_last_error_ascii("An invalid DismSession handle was passed.");
    return DISMAPI_E_INVALID_DISM_SESSION;
}

/* the package name DISM would report for a package file: Package_for_<file name without extension> */
static WCHAR *package_name_of(PCWSTR path) {
    static const char prefix[] = "Package_for_";
    size_t n = wlen(path), start = 0, end = n;
    for (size_t i = 0; i < n; i++) if (path[i] == '\\' || path[i] == '/') start = i + 1;
    for (size_t i = n; i > start; i--) if (path[i - 1] == '.') { end = i - 1; break; }
    size_t p = sizeof prefix - 1;
    WCHAR *name = malloc((p + end - start + 1) * sizeof(WCHAR));
    for (size_t i = 0; i < p; i++) name[i] = (unsigned char)prefix[i];
    memcpy(name + p, path + start, (end - start) * sizeof(WCHAR));
    name[p + end - start] = 0;
    return name;
}

static void add_package_locked(PCWSTR image, WCHAR *name, DismPackageFeatureState state, DismReleaseType release) {
    if (package_count >= MAX_PACKAGES) { free(name); return; }
    packages[package_count++] = (Package){ wdup(image), name, state, release };
}

static int image_known(PCWSTR image) {
    for (int i = 0; i < package_count; i++) if (weq(packages[i].image, image)) return 1;
    return 0;
}

static const SYSTEMTIME INSTALL_TIME = { 2026, 11, 6, 14, 10, 30, 15, 250 };
static const SYSTEMTIME CREATION_TIME = { 2026, 11, 3, 11, 8, 0, 0, 0 };


/* ------------------------------------------------------------------ files mode (see the top comment) */

static char *files_tool; /* wimlib-imagex, or NULL: the in-memory stand-in */
static UINT image_version[4] = { 10, 0, 22621, 2428 };
static char *dism_log; /* DismInitialize's log file, written in files mode as DISM writes dism.log */

/* one line in DISM's log format ("date time, Level  Component  text") */
static void files_log(const char *format, ...) __attribute__((format(printf, 1, 2)));
static void files_log(const char *format, ...) {
    pthread_mutex_lock(&lock);
    FILE *f = dism_log ? fopen(dism_log, "a") : NULL;
    pthread_mutex_unlock(&lock);
    if (!f) return;
    time_t now = time(NULL);
    struct tm utc;
    gmtime_r(&now, &utc);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &utc);
    fprintf(f, "%s, Info                  DISM   DISM stand-in: ", stamp);
    va_list args;
    va_start(args, format);
    vfprintf(f, format, args);
    va_end(args);
    fputc('\n', f);
    fclose(f);
}

/* the files-mode tool, copied under the lock (NULL when files mode is off) */
static char *files_tool_copy(void) {
    pthread_mutex_lock(&lock);
    char *tool = files_tool ? strdup(files_tool) : NULL;
    pthread_mutex_unlock(&lock);
    return tool;
}

static char *utf8_of(PCWSTR s) {
    char *out = NULL;
    size_t len = 0, cap = 0;
    utf8_append(&out, &len, &cap, s);
    if (!out) return strdup("");
    out[len] = 0;
    return out;
}

/* UTF-8 (file names) to UTF-16; code points above U+FFFF become surrogate pairs */
static WCHAR *wide_of_utf8(const char *s) {
    size_t n = strlen(s), j = 0;
    WCHAR *w = malloc((2 * n + 1) * sizeof(WCHAR));
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        int extra;
        if (c < 0x80) { cp = c; extra = 0; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; extra = 1; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; extra = 2; }
        else { cp = c & 0x07; extra = 3; }
        i++;
        for (int k = 0; k < extra && i < n; k++, i++) cp = (cp << 6) | ((unsigned char)s[i] & 0x3F);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            w[j++] = (WCHAR)(0xD800 + (cp >> 10));
            w[j++] = (WCHAR)(0xDC00 + (cp & 0x3FF));
        } else {
            w[j++] = (WCHAR)cp;
        }
    }
    w[j] = 0;
    return w;
}

/* Runs argv (argv[0] looked up on PATH), its stdout and stderr into out; returns the exit code, -1 if it did not run. */
static int run_tool(char *const argv[], char *out, size_t cap) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    extern char **environ;
    pid_t pid;
    int spawned = posix_spawnp(&pid, argv[0], &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    size_t len = 0;
    char scratch[4096];
    for (ssize_t n; (n = read(pipe_fds[0], scratch, sizeof scratch)) != 0;) {
        if (n < 0) { if (errno == EINTR) continue; break; }
        size_t take = len + (size_t)n < cap ? (size_t)n : cap - 1 - len;
        memcpy(out + len, scratch, take);
        len += take;
    }
    out[len] = 0;
    close(pipe_fds[0]);
    if (spawned != 0) return -1;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* the value after "Field:" on a line of wimlib-imagex info's output, into value */
static int info_field(const char *output, const char *field, char *value, size_t cap) {
    size_t n = strlen(field);
    for (const char *line = output; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, field, n) == 0 && line[n] == ':') {
            const char *v = line + n + 1;
            while (*v == ' ' || *v == '\t') v++;
            size_t len = strcspn(v, "\r\n");
            if (len >= cap) len = cap - 1;
            memcpy(value, v, len);
            value[len] = 0;
            return 1;
        }
    }
    return 0;
}

/* The WIM's image count (>= 1), or a failed HRESULT with the thread's last error set as DISM would. */
static HRESULT wim_image_count(const char *tool, const char *wim, UINT *count) {
    struct stat st;
    if (stat(wim, &st) != 0) {
        set_last_error_ascii("The system cannot find the file specified.");
        return HRESULT_FILE_NOT_FOUND;
    }
    static __thread char output[65536];
    char *argv[] = { (char *)tool, "info", (char *)wim, NULL };
    char value[64];
    if (run_tool(argv, output, sizeof output) != 0 || !info_field(output, "Image Count", value, sizeof value)
        || atoi(value) < 1) {
        set_last_error_ascii("An attempt was made to load a program with an incorrect format: the file is not a WIM.");
        return HRESULT_BAD_FORMAT;
    }
    *count = (UINT)atoi(value);
    return S_OK;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    return ftw->level == 0 ? 0 : remove(path);
}

/* empties a folder (DISM leaves the mount folder itself behind after unmounting) */
static void empty_folder(const char *folder) {
    nftw(folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int folder_is_empty(const char *folder) {
    DIR *dir = opendir(folder);
    if (!dir) return 0;
    int empty = 1;
    for (struct dirent *e; (e = readdir(dir));)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) { empty = 0; break; }
    closedir(dir);
    return empty;
}

static void mkdirs(const char *path) {
    char *copy = strdup(path);
    for (char *p = copy + 1; *p; p++)
        if (*p == '/') { *p = 0; mkdir(copy, 0755); *p = '/'; }
    mkdir(copy, 0755);
    free(copy);
}

#define PACKAGES_FOLDER "/Windows/servicing/Packages"

/* Mount: apply the index into the empty mount folder. */
static HRESULT files_mount(const char *tool, PCWSTR image, PCWSTR mount, UINT index) {
    char *wim = utf8_of(image), *folder = utf8_of(mount);
    UINT count = 0;
    HRESULT hr = wim_image_count(tool, wim, &count);
    if (!FAILED(hr) && (index < 1 || index > count)) {
        set_last_error_ascii("The image index does not exist in the WIM.");
        hr = DISMAPI_E_INVALID_IMAGE_INDEX;
    }
    if (!FAILED(hr) && !folder_is_empty(folder)) {
        set_last_error_ascii("The mount folder does not exist or is not empty.");
        hr = HRESULT_DIR_NOT_EMPTY;
    }
    if (!FAILED(hr)) {
        static __thread char output[65536];
        char number[16];
        snprintf(number, sizeof number, "%u", index);
        char *argv[] = { (char *)tool, "apply", wim, number, folder, "--no-acls", NULL };
        if (run_tool(argv, output, sizeof output) != 0) {
            empty_folder(folder);
            set_last_error_ascii("The image could not be mounted (wimlib-imagex apply failed).");
            hr = E_FAIL;
        } else {
            files_log("Mounted image %s index %u at %s", wim, index, folder);
        }
    }
    free(wim);
    free(folder);
    return hr;
}

/* Unmount: commit captures the tree over the WIM (single-image WIMs), then the folder is emptied either way. */
static HRESULT files_unmount(const char *tool, PCWSTR image, UINT index, PCWSTR mount, int commit) {
    char *wim = utf8_of(image), *folder = utf8_of(mount);
    HRESULT hr = S_OK;
    if (commit) {
        static __thread char output[65536];
        UINT count = 0;
        hr = wim_image_count(tool, wim, &count);
        if (!FAILED(hr) && count != 1) {
            set_last_error_ascii("The stand-in commits single-image WIMs only.");
            hr = E_NOTIMPL;
        }
        char name[512] = "Serviced image", number[16];
        snprintf(number, sizeof number, "%u", index);
        char *info[] = { (char *)tool, "info", wim, number, NULL };
        if (!FAILED(hr) && run_tool(info, output, sizeof output) == 0) info_field(output, "Name", name, sizeof name);
        size_t n = strlen(wim) + 32;
        char *temporary = malloc(n);
        snprintf(temporary, n, "%s.standin-commit", wim);
        char *capture[] = { (char *)tool, "capture", folder, temporary, name, "--no-acls", NULL };
        if (!FAILED(hr) && (run_tool(capture, output, sizeof output) != 0 || rename(temporary, wim) != 0)) {
            remove(temporary);
            set_last_error_ascii("The image could not be committed (wimlib-imagex capture failed).");
            hr = E_FAIL;
        }
        free(temporary);
    }
    if (!FAILED(hr)) {
        empty_folder(folder);
        files_log("Unmounted %s (%s)", folder, commit ? "changes committed into the WIM" : "changes discarded");
    }
    free(wim);
    free(folder);
    return hr;
}

/* Add package: a cabinet (MSCF) or a folder; recorded as <image>/Windows/servicing/Packages/<name>.mum. */
static HRESULT files_add_package(PCWSTR image, PCWSTR package) {
    char *path = utf8_of(package);
    struct stat st;
    HRESULT hr = S_OK;
    if (stat(path, &st) != 0) {
        set_last_error_ascii("The system cannot find the file specified.");
        hr = HRESULT_FILE_NOT_FOUND;
    } else if (!S_ISDIR(st.st_mode)) {
        char magic[4] = { 0 };
        FILE *f = fopen(path, "rb");
        size_t got = f ? fread(magic, 1, 4, f) : 0;
        if (f) fclose(f);
        if (got != 4 || memcmp(magic, "MSCF", 4) != 0) {
            set_last_error_ascii("An error occurred while processing the package: the specified package is not a valid Windows package.");
            hr = CBS_E_INVALID_PACKAGE;
        }
    }
    if (!FAILED(hr)) {
        WCHAR *wname = package_name_of(package);
        char *name = utf8_of(wname), *root = utf8_of(image);
        free(wname);
        size_t n = strlen(root) + strlen(name) + sizeof PACKAGES_FOLDER + 8;
        char *folder = malloc(n), *mum = malloc(n);
        snprintf(folder, n, "%s" PACKAGES_FOLDER, root);
        snprintf(mum, n, "%s/%s.mum", folder, name);
        mkdirs(folder);
        FILE *f = fopen(mum, "w");
        if (f) {
            files_log("Added package %s from %s", name, path);
            fprintf(f, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- added by the DismApi stand-in from %s -->\n"
                       "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\" manifestVersion=\"1.0\"/>\n", path);
            fclose(f);
        } else {
            set_last_error_ascii("The package could not be recorded in the mounted image.");
            hr = E_FAIL;
        }
        free(folder);
        free(mum);
        free(name);
        free(root);
    }
    free(path);
    return hr;
}

/* the .mum names below <image>/Windows/servicing/Packages, into packages[] for that image (under lock) */
static void files_load_packages_locked(PCWSTR image) {
    for (int i = 0; i < package_count;)
        if (weq(packages[i].image, image)) {
            free(packages[i].image);
            free(packages[i].name);
            packages[i] = packages[--package_count];
        } else {
            i++;
        }
    char *root = utf8_of(image);
    size_t n = strlen(root) + sizeof PACKAGES_FOLDER + 1;
    char *folder = malloc(n);
    snprintf(folder, n, "%s" PACKAGES_FOLDER, root);
    DIR *dir = opendir(folder);
    for (struct dirent *e; dir && (e = readdir(dir));) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".mum") == 0) {
            e->d_name[len - 4] = 0;
            add_package_locked(image, wide_of_utf8(e->d_name), 4, 4);
        }
    }
    if (dir) closedir(dir);
    free(folder);
    free(root);
}

/* ------------------------------------------------------------------ DismApi.h */

EXPORT HRESULT DismInitialize(int32_t LogLevel, PCWSTR LogFilePath, PCWSTR ScratchDirectory) {
    HRESULT hr = S_OK;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    initialize_calls++;
    log_format("DismInitialize logLevel=%d logFile=", LogLevel);
    log_wide(LogFilePath);
    log_text(" scratch=");
    log_wide(ScratchDirectory);
    log_text("\n");
    if (!take_program("DismInitialize", &hr)) {
        if (initialized) { set_last_error_ascii("DismInitialize was already called."); hr = E_FAIL; }
    }
    if (!FAILED(hr)) {
        initialized = 1;
        free(dism_log);
        dism_log = LogFilePath ? utf8_of(LogFilePath) : NULL;
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismShutdown(void) {
    HRESULT hr = S_OK;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    shutdown_calls++;
    log_text("DismShutdown\n");
    if (!take_program("DismShutdown", &hr)) {
        if (!initialized) hr = not_initialized();
        for (int i = 0; i < session_count && !FAILED(hr); i++)
            if (sessions[i].open) {
                set_last_error_ascii("A DismSession is still open.");
                hr = DISMAPI_E_OPEN_SESSION_HANDLES;
            }
    }
    if (!FAILED(hr)) initialized = 0;
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismMountImage(PCWSTR ImageFilePath, PCWSTR MountPath, UINT ImageIndex, PCWSTR ImageName,
                              int32_t ImageIdentifier, DWORD Flags, HANDLE CancelEvent,
                              DISM_PROGRESS_CALLBACK Progress, PVOID UserData) {
    HRESULT hr = S_OK;
    char *tool = files_tool_copy();
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_text("DismMountImage image=");
    log_wide(ImageFilePath);
    log_text(" mount=");
    log_wide(MountPath);
    log_format(" index=%u name=", ImageIndex);
    log_wide(ImageName);
    log_format(" identifier=%d flags=0x%08X", ImageIdentifier, Flags);
    log_long_call(CancelEvent, Progress, UserData);
    int programmed = take_program("DismMountImage", &hr);
    if (!programmed && !initialized) hr = not_initialized();
    if (!programmed && !tool && !FAILED(hr) && (ImageIndex < 1 || ImageIndex > 2)) {
        set_last_error_ascii("The image index does not exist in the WIM.");
        hr = DISMAPI_E_INVALID_IMAGE_INDEX;
    }
    pthread_mutex_unlock(&lock);
    if (FAILED(hr)) { free(tool); return hr; }
    HRESULT progress = run_progress(CancelEvent, Progress, UserData);
    if (!FAILED(progress) && tool) progress = files_mount(tool, ImageFilePath, MountPath, ImageIndex);
    free(tool);
    if (FAILED(progress)) return progress;
    pthread_mutex_lock(&lock);
    if (mount_count < MAX_MOUNTS)
        mounts[mount_count++] = (Mount){ wdup(MountPath), wdup(ImageFilePath), ImageIndex, (Flags & 1) ? 1 : 0, 0 };
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismUnmountImage(PCWSTR MountPath, DWORD Flags, HANDLE CancelEvent, DISM_PROGRESS_CALLBACK Progress,
                                PVOID UserData) {
    HRESULT hr = S_OK;
    int found = -1;
    char *tool = files_tool_copy();
    WCHAR *image = NULL;
    UINT index = 0;
    int read_write = 0;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_text("DismUnmountImage mount=");
    log_wide(MountPath);
    log_format(" flags=0x%08X (%s)", Flags, (Flags & 1) ? "discard" : "commit");
    log_long_call(CancelEvent, Progress, UserData);
    int programmed = take_program("DismUnmountImage", &hr);
    if (!programmed && !initialized) hr = not_initialized();
    for (int i = 0; i < mount_count; i++) if (weq(mounts[i].mount, MountPath)) found = i;
    if (!programmed && !FAILED(hr) && found < 0) {
        set_last_error_ascii("No image is mounted at this path.");
        hr = DISMAPI_E_UNABLE_TO_UNMOUNT_IMAGE_PATH;
    }
    if (found >= 0) {
        image = wdup(mounts[found].image);
        index = mounts[found].index;
        read_write = mounts[found].mode == 0;
    }
    pthread_mutex_unlock(&lock);
    if (FAILED(hr)) { free(tool); free(image); return hr; }
    HRESULT progress = run_progress(CancelEvent, Progress, UserData);
    if (!FAILED(progress) && tool && image)
        progress = files_unmount(tool, image, index, MountPath, read_write && !(Flags & 1));
    free(tool);
    free(image);
    if (FAILED(progress)) return progress;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < mount_count; i++)
        if (weq(mounts[i].mount, MountPath)) {
            free(mounts[i].mount);
            free(mounts[i].image);
            mounts[i] = mounts[--mount_count];
            break;
        }
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismOpenSession(PCWSTR ImagePath, PCWSTR WindowsDirectory, PCWSTR SystemDrive, DismSession *Session) {
    HRESULT hr = S_OK;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_text("DismOpenSession image=");
    log_wide(ImagePath);
    log_text(" windowsDir=");
    log_wide(WindowsDirectory);
    log_text(" systemDrive=");
    log_wide(SystemDrive);
    int programmed = take_program("DismOpenSession", &hr);
    if (!programmed && !initialized) hr = not_initialized();
    if (!FAILED(hr) && (!Session || !ImagePath || session_count >= MAX_SESSIONS)) {
        set_last_error_ascii("DismOpenSession was given no image path or no Session pointer.");
        hr = E_INVALIDARG;
    }
    if (!FAILED(hr)) {
        SessionEntry s = { next_session_id++, wdup(ImagePath), 1 };
        sessions[session_count++] = s;
        *Session = s.id;
        if (!files_tool && !image_known(ImagePath)) {
            static const WCHAR foundation[] = u"Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~10.0.22621.1";
            static const WCHAR stack[] = u"Package_for_ServicingStack_2420~31bf3856ad364e35~amd64~~22621.2420.1.1";
            add_package_locked(ImagePath, wdup(foundation), 4, 9);
            add_package_locked(ImagePath, wdup(stack), 4, 4);
        }
        log_format(" -> session=%u\n", s.id);
    } else {
        log_text(" -> failed\n");
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismCloseSession(DismSession Session) {
    HRESULT hr = S_OK;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_format("DismCloseSession session=%u\n", Session);
    if (!take_program("DismCloseSession", &hr)) {
        SessionEntry *s = find_session(Session);
        if (!initialized) hr = not_initialized();
        else if (!s) hr = invalid_session();
        else s->open = 0;
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismGetLastErrorMessage(DismString **ErrorMessage) {
    if (!ErrorMessage) return E_INVALIDARG;
    *ErrorMessage = NULL;
    if (!last_error) return S_FALSE;
    pthread_mutex_lock(&lock);
    Buffer *b = new_buffer(sizeof(DismString));
    HRESULT hr = E_FAIL;
    if (b) {
        ((DismString *)b->memory)->Value = child_string(b, last_error);
        *ErrorMessage = b->memory;
        hr = S_OK;
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

/* The session calls that run long share this shape: check, record, progress, effect. */
static HRESULT begin_session_call(const char *function, DismSession Session, SessionEntry **entry) {
    HRESULT hr = S_OK;
    if (take_program(function, &hr) && FAILED(hr)) return hr;
    if (!initialized) return not_initialized();
    *entry = find_session(Session);
    if (!*entry) return invalid_session();
    return hr;
}

EXPORT HRESULT DismCommitImage(DismSession Session, DWORD Flags, HANDLE CancelEvent, DISM_PROGRESS_CALLBACK Progress,
                               PVOID UserData) {
    SessionEntry *entry = NULL;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_format("DismCommitImage session=%u flags=0x%08X", Session, Flags);
    log_long_call(CancelEvent, Progress, UserData);
    HRESULT hr = begin_session_call("DismCommitImage", Session, &entry);
    pthread_mutex_unlock(&lock);
    if (FAILED(hr)) return hr;
    HRESULT progress = run_progress(CancelEvent, Progress, UserData);
    return FAILED(progress) ? progress : hr;
}

EXPORT HRESULT DismAddPackage(DismSession Session, PCWSTR PackagePath, BOOL IgnoreCheck, BOOL PreventPending,
                              HANDLE CancelEvent, DISM_PROGRESS_CALLBACK Progress, PVOID UserData) {
    SessionEntry *entry = NULL;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_format("DismAddPackage session=%u path=", Session);
    log_wide(PackagePath);
    log_format(" ignoreCheck=%d preventPending=%d", IgnoreCheck, PreventPending);
    log_long_call(CancelEvent, Progress, UserData);
    HRESULT hr = begin_session_call("DismAddPackage", Session, &entry);
    if (!FAILED(hr) && !PackagePath) { set_last_error_ascii("No package path."); hr = E_INVALIDARG; }
    for (int i = 0; i < failing_count && !FAILED(hr); i++)
        if (weq(failing[i].path, PackagePath)) {
            set_last_error(failing[i].message);
            hr = failing[i].result;
        }
    WCHAR *image = FAILED(hr) ? NULL : wdup(entry->image);
    pthread_mutex_unlock(&lock);
    if (FAILED(hr)) return hr;
    HRESULT progress = run_progress(CancelEvent, Progress, UserData);
    if (FAILED(progress)) { free(image); return progress; }
    char *tool = files_tool_copy();
    if (tool) {
        progress = files_add_package(image, PackagePath); /* DismGetPackages reads it back from the tree */
    } else {
        pthread_mutex_lock(&lock);
        add_package_locked(image, package_name_of(PackagePath), 4, 4);
        pthread_mutex_unlock(&lock);
    }
    free(tool);
    free(image);
    return FAILED(progress) ? progress : hr;
}

EXPORT HRESULT DismGetPackages(DismSession Session, DismPackage **Package, UINT *Count) {
    SessionEntry *entry = NULL;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_format("DismGetPackages session=%u\n", Session);
    HRESULT hr = begin_session_call("DismGetPackages", Session, &entry);
    if (!FAILED(hr) && files_tool) files_load_packages_locked(entry->image);
    if (!FAILED(hr)) {
        UINT count = 0;
        for (int i = 0; i < package_count; i++) if (weq(packages[i].image, entry->image)) count++;
        Buffer *b = new_buffer(count * sizeof(DismPackage));
        DismPackage *array = b->memory;
        UINT n = 0;
        for (int i = 0; i < package_count; i++)
            if (weq(packages[i].image, entry->image)) {
                array[n].PackageName = child_string(b, packages[i].name);
                array[n].PackageState = packages[i].state;
                array[n].ReleaseType = packages[i].release;
                array[n].InstallTime = INSTALL_TIME;
                n++;
            }
        *Package = array;
        *Count = count;
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismGetPackageInfo(DismSession Session, PCWSTR Identifier, int32_t PackageIdentifier,
                                  DismPackageInfo **PackageInfo) {
    SessionEntry *entry = NULL;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_format("DismGetPackageInfo session=%u identifier=", Session);
    log_wide(Identifier);
    log_format(" kind=%d\n", PackageIdentifier);
    HRESULT hr = begin_session_call("DismGetPackageInfo", Session, &entry);
    int found = -1;
    if (!FAILED(hr) && files_tool) files_load_packages_locked(entry->image);
    if (!FAILED(hr)) {
        WCHAR *name = PackageIdentifier == 2 ? package_name_of(Identifier) : wdup(Identifier);
        for (int i = 0; i < package_count; i++)
            if (weq(packages[i].image, entry->image) && weq(packages[i].name, name)) found = i;
        free(name);
        if (found < 0) { set_last_error_ascii("The package is not in the image."); hr = HRESULT_NOT_FOUND; }
    }
    if (!FAILED(hr)) {
        Buffer *b = new_buffer(sizeof(DismPackageInfo));
        DismPackageInfo *info = b->memory;
        info->PackageName = child_string(b, packages[found].name);
        info->PackageState = packages[found].state;
        info->ReleaseType = packages[found].release;
        info->InstallTime = INSTALL_TIME;
        info->Applicable = 1;
        info->Copyright = child_string(b, u"Copyright (c) Microsoft Corporation. All Rights Reserved.");
        info->Company = child_string(b, u"Microsoft Corporation");
        info->CreationTime = CREATION_TIME;
        info->DisplayName = child_string(b, u"Sicherheitsupdate für Windows (KB5031356) – 日本語 😀");
        info->Description = child_string(b, u"Fix for KB5031356");
        info->InstallClient = child_string(b, u"DISM Package Manager Provider");
        info->InstallPackageName = child_string(b, u"Windows11.0-KB5031356-x64.cab");
        info->LastUpdateTime = INSTALL_TIME;
        info->ProductName = child_string(b, u"Windows 11");
        info->ProductVersion = child_string(b, u"10.0.22621.2428");
        info->RestartRequired = 1;
        info->FullyOffline = 0;
        info->SupportInformation = child_string(b, u"https://support.microsoft.com/help/5031356");
        DismCustomProperty *properties = child_memory(b, 2 * sizeof(DismCustomProperty));
        properties[0] = (DismCustomProperty){ child_string(b, u"KB"), child_string(b, u"5031356"), child_string(b, u"\\KB") };
        properties[1] = (DismCustomProperty){ child_string(b, u"Größe"), child_string(b, u"1,2 GB"), child_string(b, u"\\Größe") };
        info->CustomProperty = properties;
        info->CustomPropertyCount = 2;
        DismFeature *features = child_memory(b, 3 * sizeof(DismFeature));
        features[0] = (DismFeature){ child_string(b, u"NetFx3"), 2 };
        features[1] = (DismFeature){ child_string(b, u"Microsoft-Hyper-V"), 4 };
        features[2] = (DismFeature){ child_string(b, u"Printing-PrintToPDFServices-Features"), 6 };
        info->Feature = features;
        info->FeatureCount = 3;
        *PackageInfo = info;
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismGetImageInfo(PCWSTR ImageFilePath, DismImageInfo **ImageInfo, UINT *Count) {
    HRESULT hr = S_OK;
    char *tool = files_tool_copy();
    UINT count = 2;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_text("DismGetImageInfo image=");
    log_wide(ImageFilePath);
    log_text("\n");
    int programmed = take_program("DismGetImageInfo", &hr);
    if (!(programmed && FAILED(hr)) && !initialized) hr = not_initialized();
    if (!FAILED(hr) && tool) {
        pthread_mutex_unlock(&lock);
        char *wim = utf8_of(ImageFilePath);
        hr = wim_image_count(tool, wim, &count);
        free(wim);
        pthread_mutex_lock(&lock);
    }
    free(tool);
    if (!FAILED(hr)) {
        Buffer *b = new_buffer(count * sizeof(DismImageInfo));
        DismImageInfo *images = b->memory;
        static const WCHAR *names[] = { u"Windows 11 Pro", u"Windows 11 Pro für Workstations – 日本語 😀" };
        static const WCHAR *editions[] = { u"Professional", u"ProfessionalWorkstation" };
        for (UINT i = 0; i < count; i++) {
            DismImageInfo *image = &images[i];
            image->ImageType = 0;
            image->ImageIndex = (UINT)i + 1;
            image->ImageName = child_string(b, names[i % 2]);
            image->ImageDescription = child_string(b, ImageFilePath);
            image->ImageSize = 16106127360ULL + (UINT64)i;
            image->Architecture = 9;
            image->ProductName = child_string(b, u"Microsoft® Windows® Operating System");
            image->EditionId = child_string(b, editions[i % 2]);
            image->InstallationType = child_string(b, u"Client");
            image->Hal = child_string(b, u"acpiapic");
            image->ProductType = child_string(b, u"WinNT");
            image->ProductSuite = child_string(b, u"Terminal Server");
            image->MajorVersion = files_tool ? image_version[0] : 10;
            image->MinorVersion = files_tool ? image_version[1] : 0;
            image->Build = files_tool ? image_version[2] : 22621;
            image->SpBuild = files_tool ? image_version[3] : 2428 + (UINT)i;
            image->SpLevel = 0;
            image->Bootable = 1;
            image->SystemRoot = child_string(b, u"WINDOWS");
            DismLanguage *languages = child_memory(b, 2 * sizeof(DismLanguage));
            languages[0].Value = child_string(b, u"en-US");
            languages[1].Value = child_string(b, u"de-DE");
            image->Language = languages;
            image->LanguageCount = 2;
            image->DefaultLanguageIndex = (UINT)i;
            image->CustomizedInfo = NULL;
        }
        *ImageInfo = images;
        *Count = count;
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismGetMountedImageInfo(DismMountedImageInfo **MountedImageInfo, UINT *Count) {
    HRESULT hr = S_OK;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_text("DismGetMountedImageInfo\n");
    int programmed = take_program("DismGetMountedImageInfo", &hr);
    if (!(programmed && FAILED(hr)) && !initialized) hr = not_initialized();
    if (!FAILED(hr)) {
        Buffer *b = new_buffer(mount_count * sizeof(DismMountedImageInfo));
        DismMountedImageInfo *array = b->memory;
        for (int i = 0; i < mount_count; i++) {
            array[i].MountPath = child_string(b, mounts[i].mount);
            array[i].ImageFilePath = child_string(b, mounts[i].image);
            array[i].ImageIndex = mounts[i].index;
            array[i].MountMode = mounts[i].mode;
            array[i].MountStatus = mounts[i].status;
        }
        *MountedImageInfo = array;
        *Count = (UINT)mount_count;
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismCleanupMountpoints(void) {
    HRESULT hr = S_OK;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_text("DismCleanupMountpoints\n");
    int programmed = take_program("DismCleanupMountpoints", &hr);
    if (!(programmed && FAILED(hr)) && !initialized) hr = not_initialized();
    if (!FAILED(hr)) {
        /* stale mounts (status invalid) go; healthy ones stay, as with DISM */
        for (int i = 0; i < mount_count;)
            if (mounts[i].status == 2) {
                free(mounts[i].mount);
                free(mounts[i].image);
                mounts[i] = mounts[--mount_count];
            } else {
                i++;
            }
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DismDelete(void *DismStructure) {
    HRESULT hr = E_INVALIDARG;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < buffer_count; i++)
        if (buffers[i].memory == DismStructure && !buffers[i].deleted) {
            for (int c = 0; c < buffers[i].child_count; c++) free(buffers[i].children[c]);
            free(buffers[i].memory);
            buffers[i].deleted = 1;
            hr = S_OK;
            break;
        }
    if (FAILED(hr)) bad_deletes++; /* never handed out, or deleted before */
    pthread_mutex_unlock(&lock);
    return hr;
}

#ifndef STANDIN_WITHOUT_CLEAN_IMAGE
EXPORT HRESULT _DismCleanImage(DismSession Session, int32_t Type, DWORD Flags, HANDLE CancelEvent,
                               DISM_PROGRESS_CALLBACK Progress, PVOID UserData) {
    SessionEntry *entry = NULL;
    pthread_mutex_lock(&lock);
    set_last_error(NULL);
    log_format("_DismCleanImage session=%u type=%d flags=0x%08X", Session, Type, Flags);
    log_long_call(CancelEvent, Progress, UserData);
    HRESULT hr = begin_session_call("_DismCleanImage", Session, &entry);
    pthread_mutex_unlock(&lock);
    if (FAILED(hr)) return hr;
    HRESULT progress = run_progress(CancelEvent, Progress, UserData);
    return FAILED(progress) ? progress : hr;
}
#endif

/* ------------------------------------------------------------------ test controls */

/* Forgets everything: state, programs, log, buffers (whether deleted or not). */
EXPORT void Standin_Reset(void) {
    pthread_mutex_lock(&lock);
    for (int i = 0; i < buffer_count; i++)
        if (!buffers[i].deleted) {
            for (int c = 0; c < buffers[i].child_count; c++) free(buffers[i].children[c]);
            free(buffers[i].memory);
        }
    buffer_count = bad_deletes = 0;
    for (int i = 0; i < session_count; i++) free(sessions[i].image);
    session_count = 0;
    next_session_id = 101;
    for (int i = 0; i < package_count; i++) { free(packages[i].image); free(packages[i].name); }
    package_count = 0;
    for (int i = 0; i < mount_count; i++) { free(mounts[i].mount); free(mounts[i].image); }
    mount_count = 0;
    for (int i = 0; i < program_count; i++) free(programs[i].message);
    program_count = 0;
    for (int i = 0; i < failing_count; i++) { free(failing[i].path); free(failing[i].message); }
    failing_count = 0;
    progress_steps = 5;
    progress_step_millis = 0;
    progress_silent = 0;
    call_log_len = 0;
    if (call_log) call_log[0] = 0;
    initialize_calls = shutdown_calls = 0;
    free(files_tool);
    files_tool = NULL;
    image_version[0] = 10; image_version[1] = 0; image_version[2] = 22621; image_version[3] = 2428;
    pthread_mutex_unlock(&lock);
}

/* Files mode with `tool` as wimlib-imagex (see the top comment); NULL goes back to the in-memory stand-in. */
EXPORT void Standin_UseFiles(const char *tool) {
    pthread_mutex_lock(&lock);
    free(files_tool);
    files_tool = tool ? strdup(tool) : NULL;
    pthread_mutex_unlock(&lock);
}

/* The Windows version DismGetImageInfo reports for every image in files mode. */
EXPORT void Standin_SetImageVersion(UINT major, UINT minor, UINT build, UINT revision) {
    pthread_mutex_lock(&lock);
    image_version[0] = major; image_version[1] = minor; image_version[2] = build; image_version[3] = revision;
    pthread_mutex_unlock(&lock);
}

/* The next call of `function` returns `result` (after doing its work when `result` is a success code),
   with `message` (may be NULL) as the thread's last error. */
EXPORT void Standin_Program(const char *function, HRESULT result, PCWSTR message) {
    pthread_mutex_lock(&lock);
    if (program_count < MAX_PROGRAMS) {
        Program *p = &programs[program_count++];
        snprintf(p->function, sizeof p->function, "%s", function);
        p->result = result;
        p->message = wdup(message);
    }
    pthread_mutex_unlock(&lock);
}

/* DismAddPackage of `path` always fails with `result` and `message`. */
EXPORT void Standin_FailPackage(PCWSTR path, HRESULT result, PCWSTR message) {
    pthread_mutex_lock(&lock);
    if (failing_count < MAX_FAILING) failing[failing_count++] = (FailingPackage){ wdup(path), result, wdup(message) };
    pthread_mutex_unlock(&lock);
}

/* Long calls report steps+1 times, step_millis apart; silent: only at the first and last step. */
EXPORT void Standin_SetProgress(UINT steps, UINT step_millis, UINT silent) {
    pthread_mutex_lock(&lock);
    progress_steps = steps;
    progress_step_millis = step_millis;
    progress_silent = silent;
    pthread_mutex_unlock(&lock);
}

/* A mount left behind by an interrupted run (status invalid), for DismCleanupMountpoints. */
EXPORT void Standin_AddStaleMount(PCWSTR mount, PCWSTR image, UINT index) {
    pthread_mutex_lock(&lock);
    if (mount_count < MAX_MOUNTS) mounts[mount_count++] = (Mount){ wdup(mount), wdup(image), index, 0, 2 };
    pthread_mutex_unlock(&lock);
}

/* The call log (UTF-8, one line per call) into out; returns its full length. */
EXPORT int Standin_CallLog(char *out, int size) {
    pthread_mutex_lock(&lock);
    int length = (int)call_log_len;
    if (out && size > 0) {
        int n = length < size - 1 ? length : size - 1;
        if (n > 0) memcpy(out, call_log, (size_t)n);
        out[n] = 0;
    }
    pthread_mutex_unlock(&lock);
    return length;
}

EXPORT int Standin_BuffersHandedOut(void) { pthread_mutex_lock(&lock); int n = buffer_count; pthread_mutex_unlock(&lock); return n; }

EXPORT int Standin_LiveBuffers(void) {
    pthread_mutex_lock(&lock);
    int n = 0;
    for (int i = 0; i < buffer_count; i++) n += !buffers[i].deleted;
    pthread_mutex_unlock(&lock);
    return n;
}

EXPORT int Standin_BadDeletes(void) { pthread_mutex_lock(&lock); int n = bad_deletes; pthread_mutex_unlock(&lock); return n; }
EXPORT int Standin_InitializeCalls(void) { pthread_mutex_lock(&lock); int n = initialize_calls; pthread_mutex_unlock(&lock); return n; }
EXPORT int Standin_ShutdownCalls(void) { pthread_mutex_lock(&lock); int n = shutdown_calls; pthread_mutex_unlock(&lock); return n; }
EXPORT int Standin_OpenSessions(void) {
    pthread_mutex_lock(&lock);
    int n = 0;
    for (int i = 0; i < session_count; i++) n += sessions[i].open;
    pthread_mutex_unlock(&lock);
    return n;
}

/* gcc's own sizeof/offsetof of the packed structs, for the layout test to compare with JNA's. */
#define LAYOUT(S, F) if (strcmp(structure, #S) == 0 && strcmp(field, #F) == 0) return (int)offsetof(S, F);
EXPORT int Standin_OffsetOf(const char *structure, const char *field) {
    LAYOUT(DismPackage, PackageName) LAYOUT(DismPackage, PackageState) LAYOUT(DismPackage, ReleaseType)
    LAYOUT(DismPackage, InstallTime)
    LAYOUT(DismCustomProperty, Name) LAYOUT(DismCustomProperty, Value) LAYOUT(DismCustomProperty, Path)
    LAYOUT(DismFeature, FeatureName) LAYOUT(DismFeature, State)
    LAYOUT(DismPackageInfo, PackageName) LAYOUT(DismPackageInfo, PackageState) LAYOUT(DismPackageInfo, ReleaseType)
    LAYOUT(DismPackageInfo, InstallTime) LAYOUT(DismPackageInfo, Applicable) LAYOUT(DismPackageInfo, Copyright)
    LAYOUT(DismPackageInfo, Company) LAYOUT(DismPackageInfo, CreationTime) LAYOUT(DismPackageInfo, DisplayName)
    LAYOUT(DismPackageInfo, Description) LAYOUT(DismPackageInfo, InstallClient)
    LAYOUT(DismPackageInfo, InstallPackageName) LAYOUT(DismPackageInfo, LastUpdateTime)
    LAYOUT(DismPackageInfo, ProductName) LAYOUT(DismPackageInfo, ProductVersion)
    LAYOUT(DismPackageInfo, RestartRequired) LAYOUT(DismPackageInfo, FullyOffline)
    LAYOUT(DismPackageInfo, SupportInformation) LAYOUT(DismPackageInfo, CustomProperty)
    LAYOUT(DismPackageInfo, CustomPropertyCount) LAYOUT(DismPackageInfo, Feature) LAYOUT(DismPackageInfo, FeatureCount)
    LAYOUT(DismString, Value)
    LAYOUT(DismImageInfo, ImageType) LAYOUT(DismImageInfo, ImageIndex) LAYOUT(DismImageInfo, ImageName)
    LAYOUT(DismImageInfo, ImageDescription) LAYOUT(DismImageInfo, ImageSize) LAYOUT(DismImageInfo, Architecture)
    LAYOUT(DismImageInfo, ProductName) LAYOUT(DismImageInfo, EditionId) LAYOUT(DismImageInfo, InstallationType)
    LAYOUT(DismImageInfo, Hal) LAYOUT(DismImageInfo, ProductType) LAYOUT(DismImageInfo, ProductSuite)
    LAYOUT(DismImageInfo, MajorVersion) LAYOUT(DismImageInfo, MinorVersion) LAYOUT(DismImageInfo, Build)
    LAYOUT(DismImageInfo, SpBuild) LAYOUT(DismImageInfo, SpLevel) LAYOUT(DismImageInfo, Bootable)
    LAYOUT(DismImageInfo, SystemRoot) LAYOUT(DismImageInfo, Language) LAYOUT(DismImageInfo, LanguageCount)
    LAYOUT(DismImageInfo, DefaultLanguageIndex) LAYOUT(DismImageInfo, CustomizedInfo)
    LAYOUT(DismMountedImageInfo, MountPath) LAYOUT(DismMountedImageInfo, ImageFilePath)
    LAYOUT(DismMountedImageInfo, ImageIndex) LAYOUT(DismMountedImageInfo, MountMode)
    LAYOUT(DismMountedImageInfo, MountStatus)
    LAYOUT(SYSTEMTIME, wYear) LAYOUT(SYSTEMTIME, wMonth) LAYOUT(SYSTEMTIME, wDayOfWeek) LAYOUT(SYSTEMTIME, wDay)
    LAYOUT(SYSTEMTIME, wHour) LAYOUT(SYSTEMTIME, wMinute) LAYOUT(SYSTEMTIME, wSecond) LAYOUT(SYSTEMTIME, wMilliseconds)
    return -1;
}

#define SIZE(S) if (strcmp(structure, #S) == 0) return (int)sizeof(S);
EXPORT int Standin_SizeOf(const char *structure) {
    SIZE(DismPackage) SIZE(DismCustomProperty) SIZE(DismFeature) SIZE(DismPackageInfo) SIZE(DismString)
    SIZE(DismImageInfo) SIZE(DismMountedImageInfo) SIZE(SYSTEMTIME)
    return -1;
}
