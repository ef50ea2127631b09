using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Cli.Tests;

/// <summary>Terminal concerns (colour decision, the inventory's text) live in the command line, not in the libraries.</summary>
public class TerminalConcernsTests
{
    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)]
    [InlineData(false, "1", false)]
    [InlineData(true, null, false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR(bool redirected, string? noColor, bool expected) =>
        Assert.Equal(expected, TerminalColor.ForConsole(redirected, noColor));

    [Fact]
    public void Inventory_of_the_sample_names_versions_with_their_source()
    {
        var landscape = Landscape.Build(new ManifestLoader().Load(Corpus.InRepository("samples/cluster")));
        var text = new StringWriter();
        InventoryTextWriter.Write(landscape, text);

        Assert.Contains("  Calico (calico, cni)\n      version 3.28.0 (image-tag)\n", text.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Spectre.Console")]
    [InlineData("Microsoft.Extensions.DependencyInjection")]
    public void The_libraries_do_not_reference_a_terminal_UI_or_the_container(string assembly)
    {
        foreach (var library in new[] { typeof(Landscape).Assembly, typeof(AnalysisReport).Assembly })
            Assert.DoesNotContain(library.GetReferencedAssemblies(), a => a.Name == assembly);
    }
}
