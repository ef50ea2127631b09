using System.Text;
using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>The library never reads the console: standard input is what the host hands to the loader.</summary>
public class StandardInputTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\n";

    [Fact]
    public void Dash_reads_the_stream_the_host_supplies()
    {
        var loader = new ManifestLoader(new LoaderOptions { StandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(ConfigMap)) });

        var result = loader.Load([ManifestLoader.StandardInput]);

        Assert.Empty(result.Diagnostics);
        var o = Assert.Single(result.Objects);
        Assert.Equal("piped", o.Name);
        Assert.Equal(new SourceSpan("-", 1, 1), o.Location);
    }

    [Fact]
    public void Dash_without_a_supplied_stream_is_a_located_diagnostic_and_the_other_inputs_load()
    {
        using var dir = new TempFolder();
        var file = dir.File("a.yaml", ConfigMap);

        var result = new ManifestLoader().Load([ManifestLoader.StandardInput, file]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(LoadDiagnosticCodes.UnreadableSource, d.Code);
        Assert.Equal("-", d.Location.Path);
        Assert.Contains("standard input is not available", d.Message, StringComparison.Ordinal);
        Assert.Equal("piped", Assert.Single(result.Objects).Name);
    }
}
