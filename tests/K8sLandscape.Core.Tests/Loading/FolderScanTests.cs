using System.Runtime.InteropServices;
using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>Folder scans with symbolic links and unusual file names.</summary>
public sealed class FolderScanTests : IDisposable
{
    private const string Good = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n";

    private readonly TempFolder _temp = new();
    private readonly TempFolder _outside = new();

    public void Dispose()
    {
        _temp.Dispose();
        _outside.Dispose();
    }

    private static ManifestLoader Loader() => new(new LoaderOptions { MaxParallelism = 1 });

    private static string Manifest(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n";

    [SkippableFact]
    public async Task A_link_to_the_root_of_the_file_system_is_not_followed()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file system root");
        _temp.File("good.yaml", Good);
        var link = _temp.Combine("root");
        Directory.CreateSymbolicLink(link, "/");

        // A generous bound: walking the whole file system takes far longer.
        var result = await Task.Run(() => Loader().Load(_temp.Path)).WaitAsync(TimeSpan.FromSeconds(60));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Warning, link), (d.Code, d.Severity, d.Location.Path));
        Assert.Contains("outside the folder", d.Message, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void Links_to_a_folder_or_file_outside_the_tree_are_reported_and_not_read()
    {
        _outside.File("secret.yaml", Manifest("outside"));
        _temp.File("good.yaml", Good);
        Directory.CreateSymbolicLink(_temp.Combine("away"), _outside.Path);
        File.CreateSymbolicLink(_temp.Combine("away.yaml"), _outside.Combine("secret.yaml"));

        var result = Loader().Load(_temp.Path);

        Assert.Equal([_temp.Combine("away"), _temp.Combine("away.yaml")], result.Diagnostics.Select(d => d.Location.Path));
        Assert.All(result.Diagnostics, d => Assert.Equal((LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Warning), (d.Code, d.Severity)));
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void Links_inside_the_tree_are_followed_and_what_they_lead_to_is_read_once()
    {
        _temp.File("real/inner.yaml", Manifest("inner"));
        _temp.File("single.yaml", Manifest("single"));
        Directory.CreateSymbolicLink(_temp.Combine("a-link"), _temp.Combine("real"));
        File.CreateSymbolicLink(_temp.Combine("b-link.yaml"), _temp.Combine("single.yaml"));

        var result = Loader().Load(_temp.Path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["inner", "single"], result.Objects.Select(o => o.Name));
        // Ordinal order decides which name is read: the link to the folder sorts first.
        Assert.Equal([_temp.Combine("a-link/inner.yaml"), _temp.Combine("b-link.yaml")], result.Objects.Select(o => o.Location.Path));
    }

    [Fact]
    public async Task A_link_to_a_folder_above_it_is_a_loop_reported_once_not_a_hang()
    {
        _temp.File("sub/deeper/x.yaml", Manifest("x"));
        _temp.File("good.yaml", Good);
        var loop = _temp.Combine("sub/deeper/up");
        Directory.CreateSymbolicLink(loop, _temp.Combine("sub"));

        // A generous bound: a scan that follows the loop never ends.
        var result = await Task.Run(() => Loader().Load(_temp.Path)).WaitAsync(TimeSpan.FromSeconds(60));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LoadDiagnosticCodes.UnreadableSource, loop), (d.Code, d.Location.Path));
        Assert.Contains("loop", d.Message, StringComparison.Ordinal);
        Assert.Equal(["good", "x"], result.Objects.Select(o => o.Name));
    }

    [SkippableFact]
    public void A_backslash_in_a_file_name_is_not_a_separator()
    {
        Skip.If(OperatingSystem.IsWindows(), "a backslash is a separator on Windows");
        var odd = _temp.File("a\\b.yaml", Manifest("backslash"));
        _temp.File("good.yaml", Good);

        var fromFolder = Loader().Load(_temp.Path);
        var byName = Loader().Load(odd);

        Assert.Empty(fromFolder.Diagnostics);
        Assert.Equal([odd, _temp.Combine("good.yaml")], fromFolder.Objects.Select(o => o.Location.Path));
        Assert.Empty(byName.Diagnostics);
        Assert.Equal(odd, Assert.Single(byName.Objects).Location.Path);
    }

    [SkippableFact]
    public void A_file_name_that_is_not_valid_utf8_is_still_read()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "creating a file from raw name bytes uses Linux open(2) flags");
        // "caf\xE9.yaml": Latin-1, as an old archive extracts it.
        byte[] name = [.. System.Text.Encoding.UTF8.GetBytes(_temp.Path + "/caf"), 0xE9, .. ".yaml"u8, 0];
        CreateFile(name, Manifest("latin1"));
        _temp.File("good.yaml", Good);

        try
        {
            var result = Loader().Load(_temp.Path);

            Assert.Empty(result.Diagnostics);
            Assert.Equal(["latin1", "good"], result.Objects.Select(o => o.Name));
        }
        finally
        {
            // .NET names the file with U+FFFD and cannot delete it by that name, so the folder would stay behind.
            _ = Native.Unlink(name);
        }
    }

    private static void CreateFile(byte[] nulTerminatedName, string text)
    {
        var fd = Native.Open(nulTerminatedName, 0x1 | 0x40 | 0x200, 0x1A4); // O_WRONLY | O_CREAT | O_TRUNC, 0644
        Assert.True(fd >= 0, $"open failed: {Marshal.GetLastPInvokeError()}");
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.Equal(bytes.Length, (int)Native.Write(fd, bytes, bytes.Length));
        Assert.Equal(0, Native.Close(fd));
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open(byte[] path, int flags, int mode);

        [DllImport("libc", EntryPoint = "write", SetLastError = true)]
        public static extern nint Write(int fd, byte[] buffer, nint count);

        [DllImport("libc", EntryPoint = "close")]
        public static extern int Close(int fd);

        [DllImport("libc", EntryPoint = "unlink")]
        public static extern int Unlink(byte[] path);
    }
}
