using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace K8sLandscape.Loading;

/// <summary>
/// Reads files whose names are not valid UTF-8 (a Latin-1 name from an old archive). .NET shows such
/// a name with U+FFFD in place of the bad bytes and then cannot open it by that name, so on Linux
/// the folder is listed again through <c>readdir</c> to learn the name's bytes, and the file is
/// opened by them.
/// </summary>
internal static class RawFileNames
{
    private const int NameOffset = 19; // d_name in struct dirent on 64-bit Linux (glibc and musl)

    /// <summary>The byte names of the entries of <paramref name="folder"/> that are not valid UTF-8, by the name .NET shows.</summary>
    public static Dictionary<string, byte[]> InvalidNames(string folder)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8) return result;
        IntPtr dir;
        try
        {
            dir = NativeMethods.OpenDir(folder);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return result;
        }

        if (dir == IntPtr.Zero) return result;
        try
        {
            IntPtr entry;
            while ((entry = NativeMethods.ReadDir(dir)) != IntPtr.Zero)
            {
                var name = ReadBytes(entry + NameOffset);
                if (name.Length == 0 || System.Text.Unicode.Utf8.IsValid(name)) continue;
                result[Encoding.UTF8.GetString(name)] = name;
            }
        }
        finally
        {
            _ = NativeMethods.CloseDir(dir);
        }

        return result;
    }

    /// <summary>Opens <paramref name="folder"/>/<paramref name="name"/> for reading, by the name's bytes.</summary>
    public static Stream Open(string folder, byte[] name)
    {
        byte[] path = [.. Encoding.UTF8.GetBytes(folder), (byte)'/', .. name, 0];
        var fd = NativeMethods.Open(path, 0x80000); // O_RDONLY | O_CLOEXEC
        if (fd < 0) throw new IOException($"cannot open file (errno {Marshal.GetLastPInvokeError()})");
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, 1 << 16);
    }

    private static byte[] ReadBytes(IntPtr start)
    {
        var length = 0;
        while (Marshal.ReadByte(start, length) != 0) length++;
        var bytes = new byte[length];
        Marshal.Copy(start, bytes, 0, length);
        return bytes;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr OpenDir([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

        [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr ReadDir(IntPtr dir);

        [DllImport("libc", EntryPoint = "closedir")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int CloseDir(IntPtr dir);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Open(byte[] path, int flags);
    }
}
