using System.Runtime.InteropServices;

namespace K8sLandscape.Loading;

/// <summary>
/// Lists the files a folder load reads: recursively, in ordinal name order, skipping folders whose
/// names start with a dot and named pipes. A symbolic link is followed only when it leads to a place
/// inside the folder being read (a link to <c>/</c> would otherwise walk the whole file system),
/// each real folder and file is read once however many links lead to it, and a link back to a
/// folder above it (a loop) is reported instead of followed.
/// </summary>
internal static class FolderScanner
{
    /// <summary>Lists the files under <paramref name="root"/>; <paramref name="openers"/> gets the files that cannot be opened by their (lossy) name.</summary>
    public static void Scan(string root, Func<string, bool> isLoadable, List<string> files, Dictionary<string, Func<Stream>> openers, List<LoadDiagnostic> problems)
    {
        var rootReal = RealPath(root, out _) ?? Path.GetFullPath(root);
        var scan = new Walker(rootReal, isLoadable, files, openers, problems);
        scan.Folders.Add(rootReal);
        scan.Walk(root, rootReal);
        files.Sort(StringComparer.Ordinal);
    }

    private sealed class Walker(string rootReal, Func<string, bool> isLoadable, List<string> files, Dictionary<string, Func<Stream>> openers, List<LoadDiagnostic> problems)
    {
        public HashSet<string> Folders { get; } = new(StringComparer.Ordinal);

        private HashSet<string> FilesRead { get; } = new(StringComparer.Ordinal);

        public void Walk(string dir, string real)
        {
            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(Problem(dir, DiagnosticSeverity.Error, $"cannot read folder: {ex.Message}"));
                return;
            }

            // Ordinal order, so which of two links to one place is followed does not depend on the file system.
            var names = entries.Select(Path.GetFileName).Select(n => n!).ToArray();
            Array.Sort(names, StringComparer.Ordinal);
            var rawNames = names.Any(n => n.Contains('\uFFFD', StringComparison.Ordinal)) ? RawFileNames.InvalidNames(dir) : null;
            foreach (var name in names)
            {
                var child = dir + "/" + name;
                var childReal = real + "/" + name;
                var isLink = IsSymbolicLink(child);
                if (isLink)
                {
                    var target = RealPath(child, out var error);
                    if (target is null)
                    {
                        if (error == Eloop)
                        {
                            problems.Add(Problem(child, DiagnosticSeverity.Error, "is a symbolic link loop; skipped"));
                            continue;
                        }

                        // Dangling: a loadable name is kept, so opening it reports what is wrong.
                        if (isLoadable(name)) files.Add(child);
                        continue;
                    }

                    if (!IsWithin(target, rootReal))
                    {
                        problems.Add(Problem(child, DiagnosticSeverity.Warning, $"is a symbolic link to '{target}', outside the folder being read; not followed"));
                        continue;
                    }

                    if (Directory.Exists(target) && IsWithin(real, target))
                    {
                        problems.Add(Problem(child, DiagnosticSeverity.Warning, $"is a symbolic link to '{target}', a folder that holds it (a loop); not followed"));
                        continue;
                    }

                    childReal = target;
                }

                if (Directory.Exists(child))
                {
                    if (name.StartsWith('.')) continue;
                    if (!Folders.Add(childReal)) continue; // already read under another name
                    Walk(child, childReal);
                }
                else if (isLoadable(name))
                {
                    if (SpecialFiles.IsNamedPipe(child))
                    {
                        // Opening a FIFO waits for a writer: one in a scanned folder would hang the load.
                        // A FIFO named on the command line (as from '<(kubectl get ...)') is read.
                        problems.Add(Problem(child, DiagnosticSeverity.Warning, "is a named pipe (FIFO), not a file; skipped in a folder scan (name it on its own to read it)"));
                        continue;
                    }

                    if (!FilesRead.Add(childReal)) continue;
                    files.Add(child);
                    if (rawNames?.GetValueOrDefault(name) is { } raw) openers[child] = () => RawFileNames.Open(dir, raw);
                }
            }
        }
    }

    private const int Eloop = 40;

    private static LoadDiagnostic Problem(string path, DiagnosticSeverity severity, string message) =>
        new(new SourceSpan(path, 0, 0), LoadDiagnosticCodes.UnreadableSource, severity, message);

    private static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith('/') ? folder : folder + "/", StringComparison.Ordinal);

    private static bool IsSymbolicLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The canonical path (every link resolved), or null with the error number when there is none.</summary>
    private static string? RealPath(string path, out int error)
    {
        error = 0;
        if (OperatingSystem.IsWindows())
        {
            try
            {
                return Path.GetFullPath(new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path);
            }
            catch (IOException)
            {
                error = Eloop;
                return null;
            }
        }

        IntPtr resolved;
        try
        {
            resolved = NativeMethods.RealPath(path, IntPtr.Zero);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return Path.GetFullPath(path);
        }

        if (resolved == IntPtr.Zero)
        {
            error = OperatingSystem.IsLinux() ? Marshal.GetLastPInvokeError() : (Marshal.GetLastPInvokeError() == 62 ? Eloop : 2);
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            NativeMethods.Free(resolved);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr RealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

        [DllImport("libc", EntryPoint = "free")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern void Free(IntPtr pointer);
    }
}
