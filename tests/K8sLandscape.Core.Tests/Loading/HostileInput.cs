using System.Text;
using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>Builds inputs where one bad document sits between two good ones.</summary>
internal static class HostileInput
{
    /// <summary>Lines 1-4 hold 'before', line 5 is '---', the bad document starts on line 6.</summary>
    public const int BadDocumentLine = 6;

    public const string Before = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before\n---\n";

    public const string After = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n";

    public static string Around(string bad) => Before + bad + After;

    public static byte[] Around(byte[] bad) => [.. Encoding.UTF8.GetBytes(Before), .. bad, .. Encoding.UTF8.GetBytes(After)];

    public static LoadResult Load(string text, LoaderOptions? options = null, string path = "hostile.yaml") =>
        new ManifestLoader((options ?? LoaderOptions.Default) with { MaxParallelism = 1 }).LoadString(text, path);

    public static LoadResult Load(byte[] bytes, LoaderOptions? options = null, string path = "hostile.yaml") =>
        new ManifestLoader((options ?? LoaderOptions.Default) with { MaxParallelism = 1 }).LoadStream(new MemoryStream(bytes), path);

    public static LoadDiagnostic SingleDiagnostic(this LoadResult result, string code, int line)
    {
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((code, line), (d.Code, d.Location.Line));
        return d;
    }

    public static void AssertNeighboursLoaded(this LoadResult result, params string[] middle)
    {
        Assert.Equal(["before", .. middle, "after"], result.Objects.Select(o => o.Name));
        Assert.Equal(1, result.Objects[0].Location.Line);
        Assert.Equal("after", result.Objects[^1].Name);
    }
}
