using System.Text.RegularExpressions;
using System.Xml.Linq;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Cli.Tests;

/// <summary>What a user sees on a package page and in the README's install section (issue 14, "Distribution").</summary>
public partial class DistributionTests
{
    private static string Root => Path.GetDirectoryName(Path.GetDirectoryName(Corpus.InRepository("samples/cluster")))!;

    public static TheoryData<string> PackableProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if ((string?)XDocument.Load(project).Descendants("IsPackable").FirstOrDefault() == "true") data.Add(Path.GetFileNameWithoutExtension(project));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PackableProjects))]
    public void Each_package_has_a_readme_written_for_a_package_page(string project)
    {
        var readme = Path.Combine(Root, "src", project, "README.md");

        Assert.True(File.Exists(readme), $"{project} packs {readme}");
        var text = File.ReadAllText(readme);
        Assert.DoesNotContain("dotnet run --project", text, StringComparison.Ordinal);
        // A package page has no repository around it: a link must be absolute.
        Assert.Empty(RelativeLink().Matches(text));
        Assert.StartsWith("# ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_installs_the_tool_by_its_package_id()
    {
        var id = (string?)XDocument.Load(Path.Combine(Root, "src", "K8sLandscape.Cli", "K8sLandscape.Cli.csproj")).Descendants("PackageId").Single();
        var command = (string?)XDocument.Load(Path.Combine(Root, "src", "K8sLandscape.Cli", "K8sLandscape.Cli.csproj")).Descendants("ToolCommandName").Single();

        Assert.Contains($"dotnet tool install --global {id}", File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
        Assert.Contains($"dotnet tool install --global {id}", File.ReadAllText(Path.Combine(Root, "src", "K8sLandscape.Cli", "README.md")), StringComparison.Ordinal);
        Assert.Equal("k8s-landscape", command);
        // The packages take the README beside each project, not the repository's.
        Assert.Contains("$(MSBuildProjectDirectory)/README.md", File.ReadAllText(Path.Combine(Root, "Directory.Build.props")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\((?!https?://|#)[^)]*\)")]
    private static partial Regex RelativeLink();
}
