using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Model.Api.BuiltIn;

public class BuiltInResourceTableTests
{
    private const string ShippedTable = "src/K8sLandscape.Core/Model/Api/BuiltIn/builtin-resources.tsv";

    // The kube-apiserver discovery documents the table is built from (newest facts first does not
    // matter: versions are merged and ordered by Kubernetes priority).
    private static readonly string[] Sources =
    [
        "builtin-api/discovery-aggregated_v2.json",
        "builtin-api/discovery-api__v1.json",
        "builtin-api/discovery-apis__resource.k8s.io__v1.json",
        "builtin-api/kyverno-cli-api-group-resources.json",
    ];

    [SkippableFact]
    public void BuiltInResourceTable_shipped_in_the_library_matches_the_discovery_documents()
    {
        var documents = Sources.Select(s => (s, File.ReadAllText(Corpus.Require(s)))).ToList();
        var generated = BuiltInResourceTableGenerator.Generate(documents);
        var path = Corpus.InRepository(ShippedTable);
        var shipped = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;

        if (shipped != generated && Environment.GetEnvironmentVariable("K8SLANDSCAPE_REGENERATE") == "1")
        {
            File.WriteAllText(path, generated);
            shipped = generated;
        }

        Assert.True(shipped == generated, $"{ShippedTable} is out of date; regenerate it (see its header) or replace it with:\n{generated}");
    }
}
