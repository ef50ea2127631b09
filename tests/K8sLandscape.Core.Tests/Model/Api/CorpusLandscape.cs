using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Model.Api;

/// <summary>Builds landscapes from corpus paths (skipping the test when the corpus is absent) and from YAML written in a test.</summary>
internal static class CorpusLandscape
{
    public static Landscape Load(params string[] relativePaths)
    {
        var paths = relativePaths.Select(p => Corpus.Require(p)).ToArray();
        var result = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).Load(paths);
        return Landscape.Build(result);
    }

    public static Landscape FromYaml(string yaml) =>
        Landscape.Build(new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(yaml, "test.yaml"));
}
