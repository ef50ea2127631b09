using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace K8sLandscape.Loading;

/// <summary>
/// Tells named pipes from files. .NET reports a FIFO as an ordinary file and opening one blocks
/// until a writer appears, so the probe opens it without blocking (O_NONBLOCK) and asks whether it
/// can seek: files can, pipes cannot.
/// </summary>
internal static class SpecialFiles
{
    public static bool IsNamedPipe(string path)
    {
        int flags;
        if (OperatingSystem.IsLinux()) flags = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC
        else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) flags = 0x4 | (OperatingSystem.IsMacOS() ? 0x1000000 : 0x100000);
        else return false; // Windows has no FIFOs in the file system

        int fd;
        try
        {
            fd = NativeMethods.Open(path, flags);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        if (fd < 0) return false; // unreadable: opening it normally reports why
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            using var stream = new FileStream(handle, FileAccess.Read, 1);
            return !stream.CanSeek;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
