using System.Diagnostics;
using System.Text;
using K8sLandscape.Loading;
using static K8sLandscape.Core.Tests.Loading.HostileInput;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>Hostile files and folders: encodings, line ends, unreadable and special files.</summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ManifestLoader Loader() => new(new LoaderOptions { MaxParallelism = 1 });

    [Fact]
    public void Invalid_utf8_is_KL0004_at_the_line_of_the_bad_byte()
    {
        var bad = Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: latin1\ndata:\n  city: M\xFCnchen\n"u8.ToArray());
        // Replace the UTF-8 "ü" (C3 BC) by Latin-1 0xFC, as a file saved in the wrong encoding has it.
        var bytes = ReplaceUmlaut(bad);

        var result = Load(bytes);

        result.SingleDiagnostic(LoadDiagnosticCodes.InvalidEncoding, 11);
        result.AssertNeighboursLoaded("latin1");
    }

    [Fact]
    public void A_file_that_is_not_text_is_KL0004_and_yields_nothing()
    {
        var path = _temp.File("image.yaml", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, (byte)'\n', 0x00, 0xFF]);
        var good = _temp.File("good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n");

        var result = Loader().Load(_temp.Path);

        var d = result.SingleDiagnostic(LoadDiagnosticCodes.InvalidEncoding, 1);
        Assert.Equal(path, d.Location.Path);
        Assert.Equal(good, Assert.Single(result.Objects).Location.Path);
    }

    [Fact]
    public void A_NUL_byte_in_a_later_document_is_KL0004_for_that_document_only()
    {
        // Past the 8 KiB sniffed for binary files, so only the document holding it is skipped.
        var filler = string.Concat(Enumerable.Range(0, 400).Select(i => $"  k{i}: '{new string('v', 20)}'\n"));
        var first = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before\ndata:\n" + filler + "---\n";
        var firstLines = first.Count(c => c == '\n');
        var bytes = Encoding.UTF8.GetBytes(first + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nul\ndata:\n  k: a\0b\n" + After);

        var result = Load(bytes);

        result.SingleDiagnostic(LoadDiagnosticCodes.InvalidEncoding, firstLines + 6);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Utf16_is_KL0004()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("apiVersion: v1\n")).ToArray();

        Load(bytes).SingleDiagnostic(LoadDiagnosticCodes.InvalidEncoding, 1);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted_and_lines_stay_right()
    {
        var bytes = Around(Encoding.UTF8.GetPreamble().Concat("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: middle\n"u8.ToArray()).ToArray());
        bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];

        var result = Load(bytes);

        Assert.Empty(result.Diagnostics);
        result.AssertNeighboursLoaded("middle");
        Assert.Equal([1, BadDocumentLine, 11], result.Objects.Select(o => o.Location.Line));
        Assert.Equal(9, result.Objects[1].LocationOf("metadata.name").Line);
    }

    [Fact]
    public void A_byte_order_mark_in_a_json_file_is_accepted()
    {
        var path = _temp.File("bom.json", [.. Encoding.UTF8.GetPreamble(), .. "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}}"u8]);

        var result = Loader().Load(path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("j", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void Crlf_line_ends_give_no_diagnostic_right_lines_and_no_carriage_returns_in_values()
    {
        var yaml = Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: crlf\ndata:\n  quoted: \"one\n    two\"\n  block: |\n    l1\n    l2\n  folded: >\n    f1\n    f2\n  plain: p1\n    p2\n  last: end\n").Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = Load(yaml);

        Assert.Empty(result.Diagnostics);
        result.AssertNeighboursLoaded("crlf");
        var o = result.Objects[1];
        Assert.Equal(BadDocumentLine, o.Location.Line);
        Assert.Equal("one two", o.GetString("data.quoted"));
        Assert.Equal("l1\nl2\n", o.GetString("data.block"));
        Assert.Equal("f1 f2\n", o.GetString("data.folded"));
        Assert.Equal("p1 p2", o.GetString("data.plain"));
        Assert.Equal("end", o.GetString("data.last"));
        Assert.Equal(21, o.LocationOf("data.last").Line);
        Assert.DoesNotContain('\r', o.Body.GetRawText());
        Assert.Equal("after", result.Objects[2].Name);
        Assert.Equal(23, result.Objects[2].Location.Line);
    }

    [Fact]
    public void Crlf_json_has_right_lines()
    {
        var path = _temp.File("crlf.json", "[\r\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}},\r\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\r\n\"metadata\": {\"name\": \"b\"}}\r\n]\r\n");

        var result = Loader().Load(path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal([2, 3], result.Objects.Select(o => o.Location.Line));
        Assert.Equal(4, result.Objects[1].LocationOf("metadata.name").Line);
    }

    [Fact]
    public void An_empty_file_is_a_KL0010_info()
    {
        var path = _temp.File("empty.yaml", string.Empty);

        var d = Loader().Load(path).SingleDiagnostic(LoadDiagnosticCodes.EmptyFile, 1);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
    }

    [Fact]
    public void A_file_of_comments_and_markers_is_a_KL0010_info()
    {
        var path = _temp.File("comments.yaml", "# nothing here\n---\n# still nothing\n---\n");

        var d = Loader().Load(path).SingleDiagnostic(LoadDiagnosticCodes.EmptyFile, 1);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
    }

    [Fact]
    public void An_empty_json_file_is_a_KL0010_info()
    {
        var path = _temp.File("empty.json", "  \n");

        Loader().Load(path).SingleDiagnostic(LoadDiagnosticCodes.EmptyFile, 1);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_KL0003_and_the_other_paths_load()
    {
        var good = _temp.File("good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n");
        var missing = _temp.Combine("missing.yaml");

        var result = Loader().Load([missing, good]);

        var d = result.SingleDiagnostic(LoadDiagnosticCodes.UnreadableSource, 0);
        Assert.Equal(missing, d.Location.Path);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void A_dangling_symbolic_link_in_a_folder_is_KL0003_and_the_rest_of_the_folder_loads()
    {
        _temp.File("good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n");
        var link = _temp.Combine("gone.yaml");
        File.CreateSymbolicLink(link, _temp.Combine("nowhere.yaml"));

        var result = Loader().Load(_temp.Path);

        var d = result.SingleDiagnostic(LoadDiagnosticCodes.UnreadableSource, 0);
        Assert.Equal(link, d.Location.Path);
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void A_symbolic_link_loop_given_as_a_folder_is_KL0003()
    {
        var loop = _temp.Combine("loop");
        Directory.CreateSymbolicLink(loop, loop);
        var good = _temp.File("good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n");

        var result = Loader().Load([loop, good]);

        Assert.Equal(loop, result.SingleDiagnostic(LoadDiagnosticCodes.UnreadableSource, 0).Location.Path);
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [SkippableFact]
    public void A_folder_without_read_permission_is_KL0003_and_its_siblings_load()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        _temp.File("good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n");
        var locked = _temp.Combine("locked");
        _temp.File("locked/hidden.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hidden\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(locked, UnixFileMode.None);
        Skip.If(CanList(locked), "this process reads folders despite their permissions (root with CAP_DAC_OVERRIDE), so an unreadable folder cannot be made here");

        var result = Loader().Load(_temp.Path);

        Assert.Equal(locked, result.SingleDiagnostic(LoadDiagnosticCodes.UnreadableSource, 0).Location.Path);
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [SkippableFact]
    public void A_named_pipe_in_a_folder_is_skipped_with_KL0003_instead_of_hanging_the_load()
    {
        var fifo = _temp.Combine("pipe.yaml");
        Skip.IfNot(MakeFifo(fifo), "mkfifo is not available here");
        _temp.File("good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n");

        var load = Task.Run(() => Loader().Load(_temp.Path));
        Assert.True(load.Wait(TimeSpan.FromSeconds(30)), "the load blocked on the FIFO");
        var result = load.Result;

        var d = result.SingleDiagnostic(LoadDiagnosticCodes.UnreadableSource, 0);
        Assert.Equal((fifo, DiagnosticSeverity.Warning), (d.Location.Path, d.Severity));
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [SkippableFact]
    public void A_named_pipe_given_by_name_is_read_like_process_substitution()
    {
        var fifo = _temp.Combine("pipe.yaml");
        Skip.IfNot(MakeFifo(fifo), "mkfifo is not available here");
        var writer = Task.Run(() => File.WriteAllText(fifo, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\n"));

        var load = Task.Run(() => Loader().Load(fifo));
        Assert.True(load.Wait(TimeSpan.FromSeconds(30)), "the load did not finish");
        writer.Wait(TimeSpan.FromSeconds(5));

        Assert.Empty(load.Result.Diagnostics);
        Assert.Equal("piped", Assert.Single(load.Result.Objects).Name);
    }

    private static bool CanList(string folder)
    {
        try
        {
            _ = Directory.GetFileSystemEntries(folder);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool MakeFifo(string path)
    {
        if (OperatingSystem.IsWindows()) return false;
        try
        {
            using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false });
            if (p is null) return false;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static byte[] ReplaceUmlaut(byte[] bytes)
    {
        var list = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0xC3 && i + 1 < bytes.Length && bytes[i + 1] == 0xBC)
            {
                list.Add(0xFC);
                i++;
                continue;
            }

            list.Add(bytes[i]);
        }

        return [.. list];
    }
}
