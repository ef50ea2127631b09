using System.Text;
using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>
/// Alias expansion is budgeted per file and per load, not only per document: many documents each
/// under the per-document cap would otherwise be written out to gigabytes of JSON.
/// </summary>
public sealed class AliasBudgetTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A ConfigMap whose aliases add 100 nodes (ten aliases of a ten-node sequence), 7 lines long.</summary>
    private static string AliasDocument(string name) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  a: &a [x, x, x, x, x, x, x, x, x]\n  b: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";

    private static string PlainDocument(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n";

    private static string Stream(params string[] documents) => string.Join("---\n", documents);

    [Fact]
    public void Documents_past_the_file_budget_are_KL0009_naming_it_and_documents_without_aliases_still_load()
    {
        var text = Stream(AliasDocument("a1"), AliasDocument("a2"), AliasDocument("a3"), AliasDocument("a4"), PlainDocument("plain"));
        var options = new LoaderOptions { MaxAliasNodesPerFile = 250, MaxParallelism = 4 };

        var result = new ManifestLoader(options).LoadString(text, "aliases.yaml");

        Assert.Equal(["a1", "a2", "plain"], result.Objects.Select(o => o.Name));
        Assert.Equal([(LoadDiagnosticCodes.LimitExceeded, 17), (LoadDiagnosticCodes.LimitExceeded, 25)], result.Diagnostics.Select(d => (d.Code, d.Location.Line)));
        Assert.All(result.Diagnostics, d => Assert.Contains("MaxAliasNodesPerFile", d.Message, StringComparison.Ordinal));
        Assert.Contains("100 nodes to the 200 added before it", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_within_the_budgets_load_without_diagnostics()
    {
        var text = Stream(AliasDocument("a1"), AliasDocument("a2"), AliasDocument("a3"));

        var result = new ManifestLoader(new LoaderOptions { MaxAliasNodesPerFile = 300, MaxAliasNodesPerRun = 300 }).LoadString(text, "aliases.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Objects.Count);
    }

    [Fact]
    public void The_run_budget_spans_files_and_says_so()
    {
        _temp.File("a.yaml", Stream(AliasDocument("a1"), AliasDocument("a2")));
        var b = _temp.File("b.yaml", Stream(AliasDocument("b1"), AliasDocument("b2"), PlainDocument("b-plain")));
        var options = new LoaderOptions { MaxAliasNodesPerFile = 1000, MaxAliasNodesPerRun = 300, MaxParallelism = 4 };

        var result = new ManifestLoader(options).Load(_temp.Path);

        Assert.Equal(["a1", "a2", "b1", "b-plain"], result.Objects.Select(o => o.Name));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LoadDiagnosticCodes.LimitExceeded, b, 9), (d.Code, d.Location.Path, d.Location.Line));
        Assert.Contains("MaxAliasNodesPerRun", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_passes_its_budget_does_not_stop_the_next_file()
    {
        _temp.File("a.yaml", Stream(AliasDocument("a1"), AliasDocument("a2"), AliasDocument("a3")));
        _temp.File("b.yaml", AliasDocument("b1"));
        var options = new LoaderOptions { MaxAliasNodesPerFile = 250, MaxAliasNodesPerRun = 1000, MaxParallelism = 4 };

        var result = new ManifestLoader(options).Load(_temp.Path);

        Assert.Equal(["a1", "a2", "b1"], result.Objects.Select(o => o.Name));
        Assert.Contains("MaxAliasNodesPerFile", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_documents_a_budget_stops_does_not_depend_on_parallel_timing()
    {
        var text = Stream(Enumerable.Range(0, 60).Select(i => i % 3 == 2 ? PlainDocument($"p{i}") : AliasDocument($"a{i}")).ToArray());
        var options = new LoaderOptions { MaxAliasNodesPerFile = 2_050, MaxParallelism = 4 };

        var runs = Enumerable.Range(0, 5).Select(_ => new ManifestLoader(options).LoadString(text, "aliases.yaml")).ToList();

        var first = Describe(runs[0]);
        Assert.All(runs, r => Assert.Equal(first, Describe(r)));
        Assert.Equal(20 + 20, runs[0].Objects.Count); // 20 alias documents fit, every plain one loads
        Assert.Equal(20, runs[0].Diagnostics.Count);
    }

    [Fact]
    public void Two_hundred_documents_each_under_the_document_cap_stay_within_the_default_file_budget()
    {
        // Each document adds about 1.2 million nodes through aliases (the per-document cap is 2 million):
        // written out, 200 of them took 1.5 GB. The default file budget lets three through.
        var file = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            if (i > 0) file.Append("---\n");
            file.Append($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{i}\ndata:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n");
            var previous = 'a';
            foreach (var c in "bcde")
            {
                file.Append($"  {c}: &{c} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]\n");
                previous = c;
            }

            file.Append($"  f: [{string.Join(", ", Enumerable.Repeat("*e", 10))}]\n");
        }

        var result = new ManifestLoader().LoadString(file.ToString(), "bombs.yaml");

        Assert.Equal(["cm-0", "cm-1", "cm-2"], result.Objects.Select(o => o.Name));
        Assert.Equal(197, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(LoadDiagnosticCodes.LimitExceeded, d.Code));
        Assert.Contains("MaxAliasNodesPerFile", result.Diagnostics[0].Message, StringComparison.Ordinal);
        // What stays in memory: the bodies kept, a few tens of megabytes instead of gigabytes.
        Assert.InRange(result.Objects.Sum(o => (long)o.Json.Length), 1, 100L << 20);
    }

    private static string Describe(LoadResult result) =>
        string.Join("|", result.Objects.Select(o => o.Name)) + "#" + string.Join("|", result.Diagnostics.Select(d => $"{d.Location}:{d.Message}"));
}
