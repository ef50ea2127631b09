using System.Text.RegularExpressions;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests;

/// <summary>Test namespaces mirror folders in every project under tests/, so a test is found where its namespace says.</summary>
public partial class NamespaceTests
{
    // Projects whose namespaces deliberately do not follow their folders, with the reason.
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["K8sLandscape.Consumer.Tests"] = "plays a third party writing a custom rule against the packages (Acme.Platform.*); docs/writing-rules.md quotes it",
    };

    [Fact]
    public void Every_test_file_namespace_is_its_project_root_namespace_and_folder()
    {
        var tests = Corpus.InRepository("tests");
        var projects = Directory.EnumerateDirectories(tests).Where(d => Directory.EnumerateFiles(d, "*.csproj").Any()).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(projects);
        var wrong = new List<string>();
        foreach (var project in projects.Where(p => !Exceptions.ContainsKey(Path.GetFileName(p))))
        {
            var root = RootNamespace(project);
            foreach (var file in SourceFiles(project))
            {
                var folder = Path.GetRelativePath(project, Path.GetDirectoryName(file)!).Replace('\\', '/');
                var expected = folder == "." ? root : root + "." + folder.Replace('/', '.');
                var declared = Namespace().Match(File.ReadAllText(file)) is { Success: true } m ? m.Groups[1].Value : "(none)";
                if (declared != expected) wrong.Add($"{Path.GetRelativePath(tests, file).Replace('\\', '/')}: namespace {declared}, folder says {expected}");
            }
        }

        Assert.True(wrong.Count == 0, "test namespaces that do not mirror their folders:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Exceptions_name_projects_that_exist()
    {
        foreach (var project in Exceptions.Keys) Assert.True(Directory.Exists(Corpus.InRepository("tests/" + project)), project);
    }

    private static string RootNamespace(string project)
    {
        var csproj = File.ReadAllText(Directory.EnumerateFiles(project, "*.csproj").Single());
        return RootNamespaceElement().Match(csproj) is { Success: true } m ? m.Groups[1].Value.Trim() : Path.GetFileName(project);
    }

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(project, f).Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"<RootNamespace>([^<]+)</RootNamespace>", RegexOptions.CultureInvariant)]
    private static partial Regex RootNamespaceElement();
}
